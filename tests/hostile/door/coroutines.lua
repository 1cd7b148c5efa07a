-- coroutines.lua - class 6: handlers yield outside a coroutine, yield across a C call
-- (table.sort), run a handler registered from inside a coroutine, and resume a dead one.
scenario {
  id = "door_coroutines", title = "Hostile door_coroutines", years = "1114",
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
local co = coroutine.create(function()
  on("turn_start", function(ev) coroutine.yield("from a handler") end)
  coroutine.yield()
end)
coroutine.resume(co)
on("turn_start", function(ev) coroutine.yield() end)
on("turn_start", function(ev)
  local c = coroutine.wrap(function() table.sort({ 3, 2, 1 }, function(a, b) coroutine.yield() return a < b end) end)
  c()
end)
on("turn_start", function(ev)
  local c = coroutine.wrap(function() return 1 end)
  c(); c()
end)
