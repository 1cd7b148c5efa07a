-- handler_bombs.lua - hostile input (run once by test_fuzz_loaders.sh): a valid little scenario whose event handlers loop, eat memory
-- and call the game API with nonsense once play starts
scenario {
  id = "fuzz_handlers", title = "Fuzz handlers", years = "1114",
  start = { year = 1114, month = 10, day = 8 }, turn_days = 10, turns = 4,
  sides = { "jin", "liao" },
  map = { rows = { "s s s . .", "s s . . .", "s . . . ." },
          places = { { id = "a", name = "A", hanzi = "甲", kind = "town", col = 0, row = 0 },
                     { id = "b", name = "B", hanzi = "乙", kind = "fortress", col = 4, row = 2 } } },
}
faction { id = "jin", name = "Jin", color = 0xE69F00 }
faction { id = "liao", name = "Liao", color = 0x0072B2 }
relation("jin", "liao", "war")
place("a", { owner = "jin", vp = 1, supply = true })
place("b", { owner = "liao", vp = 1, supply = true })
unit { type = "jurchen_horse_archers", faction = "jin", at = "a", steps = 2 }
unit { type = "levy", faction = "liao", at = "b", steps = 2 }
victory { type = "take", faction = "jin", place = "b", text = "Jin take B" }
on("turn_start", function(ev)
  if ev.turn == 1 then while true do end end
  if ev.turn == 2 then local t = {} for i = 1, 1e9 do t[i] = {} end end
  if ev.turn == 3 then
    pcall(gyr.defect, { tag = "none", to = "nobody" })
    pcall(gyr.reinforce, { faction = "liao", at = "a", units = { { type = "levy", steps = 1e9 } } })
    pcall(gyr.set_relation, "jin", "jin", "alliance")
    pcall(gyr.create_faction, { id = ("z"):rep(500) })
    gyr.choice { faction = "liao", question = ("?"):rep(5000), options = { "a", "b" } }
  end
end)
on("turn_end", function(ev) gyr.message(ev) end)
