-- endless_loop.lua - hostile input (run once by test_fuzz_loaders.sh): a campaign file that never finishes (the budget must stop it)
while true do end
