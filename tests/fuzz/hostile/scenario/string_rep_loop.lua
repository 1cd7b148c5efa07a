-- string_rep_loop.lua - was an open bug, fixed by charging library calls for their data: a loop of big string.rep calls runs for hours inside the instruction budget
for i = 1, 1e7 do local s = string.rep("x", 2e7) end
