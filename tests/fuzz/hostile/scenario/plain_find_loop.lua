-- plain_find_loop.lua - was an open bug, fixed by charging library calls for their data: plain string.find over a 20 MB subject in a loop runs for hours inside the budget
local s = string.rep("x", 2e7)
for i = 1, 1e7 do local a = s:find("y", 1, true) end
