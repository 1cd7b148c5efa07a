-- Declarations with fields the engine does not know: each is named with its line, with the
-- nearest known name when one is close.
scenario { id = "hf_unknown", title = "Unknown fields", sides = { "a", "b" }, turnz = 7,
  map = { rows = { "......", "......" }, places = { { id = "p", col = 2, row = 1 } } } }
faction { id = "a", colour = 0x112233 }
faction { id = "b", nmae = "B" }
leader { id = "l", faction = "a", ratng = 2 }
place("p", { owner = "b", vpp = 3 })
unit { type = "levy", faction = "a", at = { col = 0, row = 0 }, stepz = 2 }
unit { type = "levy", faction = "b", at = { col = 5, row = 1, z = 1 } }
victory { faction = "a", type = "take", place = "p", turn = 2 }
victory { faction = "b", type = "hold", place = "p" }
