-- string_eq.lua - hostile input for test_hostile_budget.sh (also run once under ASan/UBSan by
-- test_fuzz_loaders.sh): == on two equal 16 MB strings in a loop (one VM instruction compares 16 MB)
-- mode: play
-- expect: instruction budget
scenario {
  id = "hb_string_eq", title = "Hostile budget", years = "1114",
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
local a = string.rep("x", 1 << 24)
local b = string.rep("x", 1 << 24)
on("turn_start", function(ev)
  local n = 0
  while true do if a == b then n = n + 1 end end -- here
end)
