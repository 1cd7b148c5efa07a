-- sort_unstable.lua - hostile input for test_hostile_budget.sh (also run once under ASan/UBSan by
-- test_fuzz_loaders.sh): units of equal strength sorted with table.sort; the first defects. Lua's own sort picked pivots from the clock, so the state hash differed from run to run
-- mode: play
-- expect: nothing
-- verify: replay
scenario {
  id = "hb_sort_unstable", title = "Hostile budget", years = "1114",
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
for i = 1, 12 do unit { type = "levy", faction = "liao", at = "b", steps = 2, tag = "l" .. i } end
-- 512 records whose keys (a median-of-3 killer sequence, halved so that keys come in equal
-- pairs) unbalance Lua's quicksort, which then took its pivots from clock() and time()
local function records()
  local n, k, keys, recs = 512, 256, {}, {}
  for i = 1, k do
    keys[i] = (i % 2 == 1) and i or k + i - 1
    keys[k + i] = 2 * i
  end
  for i = 1, n do recs[i] = { id = i, strength = keys[i] // 2 } end
  return recs
end
on("turn_start", function(ev)
  local us = gyr.units { faction = "liao" }
  if #us < 2 then return end
  local recs = records()
  table.sort(recs, function(a, b) return a.strength < b.strength end)
  local sum = 0
  for i, r in ipairs(recs) do sum = (sum + i * r.id) % 1000003 end
  gyr.defect { unit = us[sum % #us + 1], to = "jin" }   -- which unit depends on the order of equal keys
end)
