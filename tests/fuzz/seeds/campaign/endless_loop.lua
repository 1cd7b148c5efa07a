-- endless_loop.lua - fuzz seed: a campaign file that never finishes (the budget must stop it)
while true do end
