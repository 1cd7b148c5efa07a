-- legend_rewrites_rows.lua - regression input: a legend whose __index empties map.rows between the two passes (NULL row read)
local rows = { "s s", "s s" }
local legend = setmetatable({}, { __index = function(t, k) rows[2] = nil; return nil end })
scenario { id = "x", title = "x", years = "1114", start = { year = 1114, month = 1, day = 1 }, turn_days = 10, turns = 2,
  sides = { "jin" }, map = { rows = rows, legend = legend } }
