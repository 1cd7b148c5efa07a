-- table_shift_loop.lua - was an open bug, fixed by charging library calls for their data: table.insert/remove at the front of a big table in a loop runs for hours
local t = {} for i = 1, 1500000 do t[i] = i end
for i = 1, 1e7 do table.insert(t, 1, 0); table.remove(t, 1) end
