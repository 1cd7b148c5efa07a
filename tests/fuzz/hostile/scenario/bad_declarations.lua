-- bad_declarations.lua - hostile input (run once by test_fuzz_loaders.sh): every declarative call given the wrong kinds of values
scenario { id = 5, title = {}, years = true, start = { year = -1, month = 13, day = 99 }, turn_days = -3, turns = 1e12,
  sides = { 1, 2 }, map = { rows = { "s s", "s" }, places = { { id = "", kind = "nowhere", col = -1, row = 1e9 } } } }
faction { id = "jin" }
faction { id = "jin" }
faction {}
relation("jin", "nobody", "love")
place("nowhere", { owner = "jin", vp = -5 })
leader { id = "x", rating = 1e9, faction = "jin" }
unit { type = "dragon", faction = "jin", at = { col = 999, row = -999 }, steps = -1 }
unit { type = "levy", faction = "jin", at = { lat = 1e300, lon = -1e300 } }
victory { type = "take", faction = "jin", place = 7 }
on("no_such_event", function() end)
on("turn_start", 5)
