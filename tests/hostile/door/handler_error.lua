-- handler_error.lua - class 3: a mod whose handler errs every turn; the message in the
-- (hashed) log names the file without its folder, so the game hashes the same from any folder.
scenario {
  id = "door_handler_error", title = "Hostile door_handler_error", years = "1114",
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
on("turn_start", function(ev) if ev.first then error("the herders refuse in turn " .. ev.turn) end end)
on("turn_end", function(ev)
  local ok, msg = pcall(gyr.message, { text = 5 })
  gyr.message("caught: " .. tostring(ok))
end)
