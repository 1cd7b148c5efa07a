# expect: :4: needs the scenario file /nonexistent/gyr/skirmish.lua \(scenario [a-z_0-9]+\); not found there, nor as skirmish.lua in the mods folder
s|^scenario-file .*|scenario-file path /nonexistent/gyr/skirmish.lua|
