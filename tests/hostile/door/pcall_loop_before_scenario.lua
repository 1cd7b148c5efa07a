-- pcall_loop_before_scenario.lua - class 5: the same, with a pcall loop that tries to
-- catch the budget error and go on.
while true do pcall(function() while true do end end) end
scenario { id = "door_pcall_loop", title = "never reached", years = "1114", sides = { "jin" } }
