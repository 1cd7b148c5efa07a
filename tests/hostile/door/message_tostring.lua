-- message_tostring.lua - class 6: gyr.message given a table whose __tostring raises, a text
-- field behind __index, and a text that is a table; each fails with FILE:LINE, play goes on.
scenario {
  id = "door_message_tostring", title = "Hostile door_message_tostring", years = "1114",
  start = { year = 1114, month = 10, day = 8 }, turn_days = 10, turns = 2,
  sides = { "jin", "liao" },
  map = { rows = { "s s ~ . .", "s s ~ . .", "s . ~ . ." },    -- a sea between the sides: the game lasts
          places = { { id = "a", name = "A", kind = "town", col = 0, row = 0 },
                     { id = "b", name = "B", kind = "fortress", col = 4, row = 2 } } },
}
faction { id = "jin", name = "Jin", color = 0xE69F00 }
faction { id = "liao", name = "Liao", color = 0x0072B2 }
relation("jin", "liao", "war")
place("a", { owner = "jin", vp = 1, supply = true })
place("b", { owner = "liao", vp = 1, supply = true })
unit { type = "jurchen_horse_archers", faction = "jin", at = "a", steps = 2 }
unit { type = "levy", faction = "liao", at = "b", steps = 2 }
victory { type = "take", faction = "jin", place = "b", text = "Jin take B" }
victory { type = "hold", faction = "liao", place = "b", text = "Liao hold B" }
local bad = setmetatable({}, { __tostring = function() error("tostring in message") end })
on("turn_start", function(ev) gyr.message(bad) end)
on("turn_start", function(ev) gyr.message(setmetatable({}, { __index = function() return "ghost" end })) end)
on("turn_start", function(ev) gyr.message { text = bad } end)
on("turn_start", function(ev) gyr.message { text = "fine", note = bad } end)
