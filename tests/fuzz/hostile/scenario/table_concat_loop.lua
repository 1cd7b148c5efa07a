-- table_concat_loop.lua - was an open bug, fixed by charging library calls for their data: table.concat of a big table in a loop runs for hours inside the budget
local t = {} for i = 1, 2000000 do t[i] = 1 end
for i = 1, 1e7 do local s = table.concat(t) end
