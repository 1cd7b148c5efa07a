-- endless_loop.lua - fuzz seed: a scenario that never finishes loading (the instruction budget must stop it)
while true do end
