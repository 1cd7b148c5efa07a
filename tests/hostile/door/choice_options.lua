-- choice_options.lua - class 6: gyr.choice with options that are huge, not strings, empty
-- behind an __index, or a number; each call fails with FILE:LINE in the log and play goes on.
scenario {
  id = "door_choice_options", title = "Hostile door_choice_options", years = "1114",
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
local big = {}
for i = 1, 100000 do big[i] = "x" end
on("turn_start", function(ev)
  if not ev.first then return end
  gyr.choice { faction = "jin", question = "Huge?", options = big }
end)
on("turn_start", function(ev)
  if not ev.first then return end
  gyr.choice { faction = "jin", question = "Tables?", options = { {}, {} } }
end)
on("turn_start", function(ev)
  if not ev.first then return end
  gyr.choice { faction = "jin", question = "Behind __index?",
               options = setmetatable({}, { __index = function(t, i) return "ghost" .. i end }) }
end)
on("turn_start", function(ev)
  if not ev.first then return end
  gyr.choice { faction = "jin", question = 42, options = 7 }
end)
