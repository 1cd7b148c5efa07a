-- caught_error.lua - class 3: a handler catches an error itself and logs its text (which holds the
-- chunk name) with gyr.message; the log must hash the same from any folder.
scenario {
  id = "door_caught_error", title = "Hostile door_caught_error", years = "1114",
  start = { year = 1114, month = 10, day = 8 }, turn_days = 10, turns = 3,
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
on("turn_start", function(ev)
  local ok, msg = pcall(function() error("the herders refuse") end)
  gyr.message("caught: " .. tostring(msg))
end)
