-- An inline map with unknown fields in the map table, its places and rivers, a legend key that
-- is not one letter, a legend terrain and a place kind that do not exist.
scenario { id = "hf_map", title = "Map", sides = { "a" },
  map = { rows = { "..xx..", "......" }, legend = { x = "forrest", yy = "hills" }, road = {},
          places = { { id = "p", col = 2, row = 1, kind = "castle", hanzi = "x", nam = "P" },
                     { id = "q", col = 4294967297, row = 0 } },
          rivers = { { name = "R", majr = true, sides = { { 0, 0, 1, 0 } } } } } }
faction { id = "a" }
victory { faction = "a", type = "hold", place = "p" }
