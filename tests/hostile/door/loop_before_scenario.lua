-- loop_before_scenario.lua - class 5: a mod that loops before scenario{}; listings give it
-- a small budget of its own and name it in one line, and every other scenario still lists.
local x = 0
while true do x = x + 1 end
scenario { id = "door_loop", title = "never reached", years = "1114", sides = { "jin" } }
