-- api_limits.lua - hostile input (run once by test_fuzz_loaders.sh): a small valid scenario whose
-- handlers push every table of the game past its size (units, factions, leaders, log, victory
-- conditions, queued choices, AI goals), with nested and failing callbacks
scenario {
  id = "fuzz_limits", title = "Fuzz limits", years = "1114",
  start = { year = 1114, month = 10, day = 8 }, turn_days = 10, turns = 6,
  sides = { "jin", "liao" },
  map = { rows = { "s s s . . .", "s s . . . .", "s . . . . .", ". . . . . ." },
          places = { { id = "a", name = "A", hanzi = "甲", kind = "town", col = 0, row = 0 },
                     { id = "b", name = "B", hanzi = "乙", kind = "fortress", col = 5, row = 3 } } },
}
faction { id = "jin", name = "Jin", color = 0xE69F00 }
faction { id = "liao", name = "Liao", color = 0x0072B2 }
relation("jin", "liao", "war")
place("a", { owner = "jin", vp = 1, supply = true })
place("b", { owner = "liao", vp = 1, supply = true })
leader { id = "l0", name = "L0", rating = 2, faction = "jin" }
unit { type = "jurchen_horse_archers", faction = "jin", at = "a", steps = 2, leader = "l0", tag = "t" }
unit { type = "levy", faction = "liao", at = "b", steps = 2, tag = "t" }
victory { type = "take", faction = "jin", place = "b", text = "Jin take B" }
victory { type = "hold", faction = "liao", place = "b", text = "Liao hold B" }
for i = 1, 40 do pcall(victory, { type = "hold", faction = "liao", place = "b", text = "v" .. i }) end
for i = 1, 100 do pcall(gyr.ai_goal, { faction = "jin", type = "take", place = "b", weight = i }) end
for i = 1, 200 do pcall(leader, { id = "x" .. i, name = "X", rating = 1, faction = "jin" }) end
on("turn_start", function(ev)
  if not ev.first then return end
  for i = 1, 40 do
    pcall(gyr.create_faction, { id = "f" .. i, name = "F" .. i, color = i, at_war_with = { "jin", "liao" } })
    pcall(gyr.rebellion, { place = "a", faction = "r" .. i, name = "R", units = { { type = "levy", steps = 2 } } })
  end
  for i = 1, 700 do
    pcall(gyr.reinforce, { faction = "liao", at = "b", units = { { type = "levy", steps = 1, tag = "t" } } })
  end
  for i = 1, 1500 do pcall(gyr.message, { text = ("m"):rep(300) .. i, note = ("n"):rep(300) }) end
  for i = 1, 1200 do
    pcall(gyr.choice, { faction = ev.faction, question = ("q"):rep(300), options = { "a", "b", "c", "d" },
      on_answer = function(o)
        if o == 1 then error("answer fails") end
        gyr.choice { faction = "liao", question = "again?", options = { "x" }, on_answer = function() while true do end end }
      end })
  end
  pcall(gyr.defect, { tag = "t", to = "liao" })
  pcall(gyr.kill_leader, "l0")
  pcall(gyr.capture_leader, "l0")
  pcall(gyr.set_place_owner, "a", "f1")
  pcall(gyr.desert, { faction = "liao", tag = "t", steps = 1000 })
  for _, u in ipairs(gyr.units() or {}) do pcall(gyr.desert, { faction = "liao", tag = "t", steps = 1 }) end
end)
on("unit_destroyed", function(ev) gyr.reinforce { faction = "liao", at = "b", units = { { type = "levy", steps = 1 } } } end)
on("game_over", function(ev) while true do end end)
