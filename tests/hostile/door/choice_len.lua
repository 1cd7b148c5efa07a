-- choice_len.lua - class 1: a queued gyr.choice whose options table has a __len and an
-- __index that raise (the host asked its length outside a protected call); the first choice
-- is pending, so the second one is queued and read later by the host (its __len answers
-- once, as gyr.choice used to ask it, and raises after).
scenario {
  id = "door_choice_len", title = "Hostile door_choice_len", years = "1114",
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
local lens = 0
local hostile = setmetatable({ "yes", "no" }, {
  __len = function() lens = lens + 1; if lens > 1 then error("__len ran again") end return 2 end,
  __index = function() error("__index ran") end,
})
on("turn_start", function(ev)
  if not ev.first then return end
  gyr.choice { faction = "liao", question = "First?", options = { "a", "b" } }
  gyr.choice { faction = "liao", question = "Second?", options = hostile,
               on_answer = function(i, text) gyr.message("second answered " .. tostring(text)) end }
end)
