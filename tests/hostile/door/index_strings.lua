-- index_strings.lua - class 2: unit{} and faction{} fields that exist only through
-- __index (the engine used to keep a pointer to a string the collector could free).
scenario {
  id = "door_index_strings", title = "Hostile index strings", years = "1114",
  start = { year = 1114, month = 10, day = 8 }, turn_days = 10, turns = 2,
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
local n = 0
local ghost = { __index = function(t, k)
  n = n + 1
  collectgarbage = nil
  local s = string.rep(k, 40) .. n
  return s
end }
unit(setmetatable({ faction = "jin", at = "a", steps = 2 }, ghost))
victory { type = "take", faction = "jin", place = "b", text = "Jin take B" }
victory { type = "hold", faction = "liao", place = "b", text = "Liao hold B" }
