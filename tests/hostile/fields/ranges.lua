-- Numbers outside their documented ranges: each is refused with its line and the range.
scenario { id = "hf_ranges", title = "Ranges", sides = { "a", "b" }, turn_days = 0,
  start = { year = 1114, month = 13, day = 1 },
  map = { rows = { "......", "......" }, places = { { id = "p", col = 2, row = 1 } } } }
faction { id = "a" }
faction { id = "b" }
faction { id = "c", color = 0x1000000 }
unit_type { id = "giant", class = "infantry", attack = 2147483648, defence = 3, move = 4 }
unit_type { id = "seer", class = "infantry", attack = 3, defence = 3, move = 4, sight = 4294967298 }
unit_type { id = "wall", class = "infantry", attack = 3, defence = 100, move = 4 }
unit { type = "levy", faction = "a", at = { col = 0, row = 0 }, exp = 5000 }
victory { faction = "a", type = "score", value = 2147483648 }
victory { faction = "b", type = "hold", place = "p" }
unit { type = "levy", faction = "b", at = { q = 4294967296, r = 0 } }
