-- news_capture.lua - a tiny scenario for tests/ui/test_objectives_news.c: a Jurchen horse
-- next to an empty Liao fort; taking it fires three pieces of news at once (one marked
-- major), and is worth points. Not a game for players: not in scripts/scenarios.

scenario {
  id = "news_capture", title = "News capture (test)", years = "1114",
  start = { year = 1114, month = 10, day = 8 }, turn_days = 10, turns = 4,
  sides = { "jin", "liao" },
  map = {
    rows = {
      ". . . . . .",
      ". . . . . .",
      ". . . . . .",
    },
    places = {
      { id = "camp", name = "Camp", hanzi = "營", kind = "camp", col = 0, row = 1 },
      { id = "fort", name = "Fort", hanzi = "城", kind = "fortress", col = 2, row = 1 },
      { id = "far", name = "Far town", hanzi = "遠", kind = "town", col = 5, row = 2 },
    },
  },
}

faction { id = "jin", name = "Jurchen Wanyan", hanzi = "女真", color = 0xE69F00, emblem = "sun" }
faction { id = "liao", name = "Khitan Liao", hanzi = "遼", color = 0x0072B2, emblem = "wolf" }
relation("jin", "liao", "war")

place("camp", { owner = "jin", vp = 0, supply = true })
place("fort", { owner = "liao", vp = 3, supply = true })
place("far", { owner = "liao", vp = 1, supply = true })

unit { type = "jurchen_horse_archers", faction = "jin", at = { col = 1, row = 1 }, steps = 2, tag = "raiders" }
unit { type = "levy", faction = "liao", at = "far", steps = 1, tag = "far_guard" }

victory { faction = "jin", type = "score", value = 4, text = "Jin: 4 points (the fort 3, the far town 1)" }
victory { faction = "liao", type = "hold", place = "fort", text = "Liao: hold the fort" }

on("place_captured", function(ev)
  if ev.place ~= "fort" or ev.by ~= "jin" then return end
  gyr.message { text = "The fort falls to the Jurchens.", note = "A test note.", major = true }
  gyr.message { text = "Its granaries feed the raiders." }
  gyr.message { text = "The Liao court hears of it." }
  gyr.score("jin", 1)
end)

-- The end, counted as the shipped scenarios count it: the script's points plus the places held.
on("turn_end", function(ev)
  if gyr.turn() ~= 4 then return end
  local pts = gyr.get_score("jin")
  for _, id in ipairs({ "fort", "far" }) do
    if gyr.owner(id) == "jin" then pts = pts + gyr.place_info(id).vp end
  end
  if pts >= 4 then gyr.victory("jin", "Jin victory: " .. pts .. " points")
  else gyr.victory("liao", "Liao victory: the Jin held to " .. pts .. " points") end
end)
