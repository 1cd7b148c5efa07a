-- Positional entries where a declaration takes only named fields, and keys of other types.
scenario { id = "hf_positional", title = "Positional", sides = { "a" },
  map = { rows = { "......" }, places = { { id = "p", col = 2, row = 0 } } } }
faction { "b", id = "a" }
unit { "levy", "a", type = "levy", faction = "a", at = "p" }
unit { type = "levy", faction = "a", at = "p", [true] = 1 }
victory { faction = "a", type = "hold", place = "p", [2.5] = 1 }
