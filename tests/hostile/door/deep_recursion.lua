-- deep_recursion.lua - class 6: a handler recurses without end, another through
-- tostring and a metamethod, another builds a deeply nested message.
scenario {
  id = "door_deep_recursion", title = "Hostile door_deep_recursion", years = "1114",
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
unit { type = "jurchen_horse_archers", faction = "jin", at = "a", steps = 2 }
unit { type = "levy", faction = "liao", at = "b", steps = 2 }
victory { type = "take", faction = "jin", place = "b", text = "Jin take B" }
victory { type = "hold", faction = "liao", place = "b", text = "Liao hold B" }
local function down(n) return down(n + 1) + 1 end
local loop = setmetatable({}, {})
getmetatable(loop).__tostring = function(t) return tostring(t) end
on("turn_start", function(ev) down(1) end)
on("turn_start", function(ev) gyr.message(tostring(loop)) end)
on("turn_start", function(ev)
  local t = {}
  for i = 1, 300 do t = setmetatable({}, { __index = t }) end
  gyr.message(t)
end)
