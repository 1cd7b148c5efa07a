-- memory_bomb.lua - fuzz seed: a campaign file that allocates gigabytes unless capped
local t = {}
for i = 1, 800000 do t[i] = string.rep("x", 2000) .. i end
