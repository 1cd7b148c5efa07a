-- memory_bomb.lua - hostile input (run once by test_fuzz_loaders.sh): tables and strings grown until the memory cap stops them
local t = {}
for i = 1, 1e9 do t[i] = ("x"):rep(1000000) .. i end
