-- gyr.* calls made while the file first runs are checked by --check like declarations.
scenario { id = "hf_calls", title = "Calls", sides = { "a", "b" },
  map = { rows = { "......", "......" }, places = { { id = "p", col = 2, row = 1 } } } }
faction { id = "a" }
faction { id = "b" }
relation("a", "b", "war")
unit { type = "levy", faction = "a", at = { col = 0, row = 0 }, tag = "t" }
unit { type = "levy", faction = "b", at = { col = 5, row = 1 } }
gyr.ai_goal { faction = "a", type = "take", place = "p", wieght = 3 }
gyr.message { text = "Hello", txt = "again" }
local n = #gyr.units { faction = "a", tags = "t" }
gyr.set_relation("a", "b", "war", { text = "War", nots = "x" })
victory { faction = "a", type = "take", place = "p" }
victory { faction = "b", type = "hold", place = "p" }
gyr.create_faction { id = "c", at_war_with = { b = true } }
gyr.choice { faction = "a", question = "Q?", options = { "x", "y", z = "z" } }
