-- memory_after_cap.lua - class 1 and 6: a handler fills the memory cap and keeps what it
-- took, so building every later event table fails; each failure is logged, the game goes on.
scenario {
  id = "door_memory_after_cap", title = "Hostile door_memory_after_cap", years = "1114",
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
hoard = {}
on("turn_start", function(ev)
  local i = #hoard
  while true do i = i + 1; hoard[i] = { i, i, i, i } end
end)
on("unit_moved", function(ev) gyr.message("moved") end)
