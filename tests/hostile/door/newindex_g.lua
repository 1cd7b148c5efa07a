-- newindex_g.lua - class 1: _G gets a __newindex (and __index) that raise, so removing the
-- declarations after the file ran must not run script code (it aborted --check, listings, play).
scenario {
  id = "door_newindex_g", title = "Hostile door_newindex_g", years = "1114",
  start = { year = 1114, month = 10, day = 8 }, turn_days = 10, turns = 4,
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
setmetatable(_G, { __newindex = function(t, k) error("no new globals: " .. tostring(k)) end,
                     __index = function(t, k) error("no such global: " .. tostring(k)) end })
on("turn_end", function(ev) gyr.message("turn " .. ev.turn .. " ends") end)
