-- sort_huge.lua - hostile input for test_hostile_budget.sh (also run once under ASan/UBSan by
-- test_fuzz_loaders.sh): table.sort of 200,000 numbers with a comparator, again and again
-- mode: play
-- expect: instruction budget
scenario {
  id = "hb_sort_huge", title = "Hostile budget", years = "1114",
  start = { year = 1114, month = 10, day = 8 }, turn_days = 10, turns = 3,
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
unit { type = "levy", faction = "jin", at = "a", steps = 2, tag = "j" }
unit { type = "levy", faction = "liao", at = "b", steps = 2, tag = "l" }
victory { type = "take", faction = "jin", place = "b", text = "Jin take B" }
victory { type = "hold", faction = "liao", place = "b", text = "Liao hold B" }
local t = {}
for i = 1, 200000 do t[i] = (i * 7919) % 1000 end
on("turn_start", function(ev)
  for i = 1, 100 do table.sort(t, function(a, b) return a > b end) end -- here
end)
