-- memory_bomb.lua - hostile input (run once by test_fuzz_loaders.sh): a campaign file that allocates gigabytes unless capped
local t = {}
for i = 1, 800000 do t[i] = string.rep("x", 2000) .. i end
