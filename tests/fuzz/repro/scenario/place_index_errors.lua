-- place_index_errors.lua - regression input: a map place whose __index raises after the map was made (the map leaked)
scenario { id = "x", title = "x", years = "1114", start = { year = 1114, month = 1, day = 1 }, turn_days = 10, turns = 2,
  sides = { "jin" }, map = { rows = { "s s", "s s" }, places = { setmetatable({}, { __index = function() error("boom") end }) } } }
