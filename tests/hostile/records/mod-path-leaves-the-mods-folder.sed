# expect: :4: bad scenario-file mod path "../../etc/x.lua" \(must be inside the mods folder\)
s|^scenario-file .*|scenario-file mod ../../etc/x.lua|
