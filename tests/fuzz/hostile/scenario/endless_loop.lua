-- endless_loop.lua - hostile input (run once by test_fuzz_loaders.sh): a scenario that never finishes loading (the instruction budget must stop it)
while true do end
