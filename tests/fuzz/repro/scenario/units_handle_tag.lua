-- units_handle_tag.lua - regression input: test_skirmish plus gyr.units(unit_handle) in a loop (heap use-after-free of the tag)
-- test_skirmish.lua - a small scenario on its own little map, used by the engine tests and the
-- headless runner: two sides, a river with a ford, three places, a handful of units, and the
-- politics of the war in miniature (a choice, a defection, a rebellion, a desertion).

-- Axial coordinates of an offset cell ("odd-r" rows), for building the river below.
local function axial(col, row) return col - (row - row % 2) // 2, row end

local river = {}
for row = 0, 7 do
  local q, r = axial(5, row)
  river[#river + 1] = { q, r, q + 1, r }      -- the side between (col 5) and (col 6)
end
local fq, fr = axial(5, 3)

scenario {
  id = "test_skirmish", title = "Test skirmish on the Songhua", years = "1114",
  start = { year = 1114, month = 10, day = 8 }, turn_days = 10, turns = 8,
  sides = { "jin", "liao" },
  map = {
    rows = {
      "s s s f f s . . . h h h",
      "s s f f s s . . . . h h",
      "s s s s s s . a a . . h",
      "s s s s s s . a a . . .",
      "s s w w s s . . . . . .",
      "s s w w s s . . a a . .",
      "s s s s s s . . a a . .",
      "~ ~ s s s s . . . . . .",
    },
    places = {
      { id = "huining", name = "Huining", hanzi = "會寧", kind = "capital", col = 1, row = 3 },
      { id = "ningjiang", name = "Ningjiang", hanzi = "寧江州", kind = "fortress", col = 8, row = 3 },
      { id = "binzhou", name = "Binzhou", hanzi = "賓州", kind = "town", col = 9, row = 6 },
    },
    rivers = { { name = "Songhua", major = true, sides = river, fords = { { fq, fr, fq + 1, fr } } } },
    roads = { { { axial(6, 3) }, { axial(7, 3) }, { axial(8, 3) } } },
  },
  briefing = [[A test of the engine: the Jurchens must take Ningjiang across the Songhua
before the Liao relief arrives.]],
  briefing_jin = [[You are Aguda: cross the Songhua at the ford and take Ningjiang.]],
}

faction { id = "jin", name = "Jurchen Wanyan", hanzi = "女真完顏部", color = 0xE69F00, emblem = "sun" }
faction { id = "liao", name = "Khitan Liao", hanzi = "遼", color = 0x0072B2, emblem = "wolf" }
relation("jin", "liao", "war")

place("huining", { owner = "jin", vp = 1, supply = true })
place("ningjiang", { owner = "liao", vp = 3, supply = true })
place("binzhou", { owner = "liao", vp = 1 })

leader { id = "aguda", name = "Wanyan Aguda", hanzi = "完顏阿骨打", rating = 3, faction = "jin" }
leader { id = "da_yaoshinu", name = "Da Yaoshinu", hanzi = "大藥師奴", rating = 1, faction = "liao" }

unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "huining", steps = 3,
       leader = "aguda", name = "Aguda's armoured men", tag = "aguda_host", exp = 100 }
unit { type = "jurchen_horse_archers", faction = "jin", at = { col = 3, row = 3 }, steps = 2, tag = "muster" }
unit { type = "jurchen_horse_archers", faction = "jin", at = { col = 3, row = 4 }, steps = 2, tag = "muster" }
unit { type = "levy", faction = "liao", at = "ningjiang", steps = 2, leader = "da_yaoshinu",
       name = "Ningjiang garrison", tag = "garrison" }
unit { type = "khitan_horse_archers", faction = "liao", at = { col = 7, row = 2 }, steps = 2, tag = "wuna" }
unit { type = "tribal_horse_archers", faction = "liao", at = "binzhou", steps = 2,
       name = "Five Nations hunters", tag = "tribes" }

victory { faction = "jin", type = "take", place = "ningjiang", text = "Jin: take Ningjiang" }
victory { faction = "liao", type = "hold", place = "ningjiang", text = "Liao: hold Ningjiang to the end" }

gyr.ai_goal { faction = "jin", type = "take", place = "ningjiang", weight = 10 }
gyr.ai_goal { faction = "liao", type = "hold", place = "ningjiang", weight = 10 }

local fired = {}
local function once(key)
  if fired[key] then return false end
  fired[key] = true
  return true
end

on("turn_start", function(ev)
  if ev.turn == 1 and ev.first then
    gyr.message { text = "Aguda musters his clans on the Laliu.", note = "JS: 2,500 men, m.9 1114." }
  end
  if ev.turn == 2 and ev.faction == "liao" and once("relief") then
    gyr.choice { faction = "liao", question = "Send the Bohai relief to Ningjiang?",
                 options = { "Send it", "Keep it at the Eastern Capital" }, ai_default = 1,
                 on_answer = function(option)
                   if option == 1 then
                     gyr.reinforce { faction = "liao", at = "binzhou", units = { { type = "bohai_infantry", steps = 2, tag = "bohai" } },
                                     text = "The Bohai relief marches from the Eastern Capital." }
                   else
                     gyr.score("jin", 1)
                   end
                 end }
  end
  if ev.turn == 3 and ev.first and once("tribes") then
    gyr.defect { tag = "tribes", to = "jin", text = "The Five Nations go over to Aguda.",
                 note = "Summary: by the end of 1114 neighbouring tribes had joined the Jurchens." }
  end
  if ev.turn == 4 and ev.first and once("guyu") then
    gyr.rebellion { place = "binzhou", faction = "balhae", name = "Gu Yu's Balhae", color = 0xCC79A7,
                    emblem = "lotus", at_war_with = { "liao" },
                    units = { { type = "bohai_infantry", steps = 2 } },
                    text = "Gu Yu calls himself Great King and rises against the Liao." }
  end
  if ev.turn == 2 and ev.first and once("desert") then
    gyr.desert { faction = "liao", tag = "wuna", steps = 1, text = "Xiao Wuna's horsemen slip away." }
  end
end)

on("place_captured", function(ev)
  if ev.place == "ningjiang" and ev.by == "jin" and gyr.leader_state("da_yaoshinu") == "active" then
    gyr.capture_leader("da_yaoshinu")
  end
end)

-- gyr.units given a unit handle: the handle's "tag" comes from its __index as a new string
-- that nothing anchors, and gyr.units compares every unit's tag with it after the garbage
-- collector may have freed it (a heap use-after-free under AddressSanitizer)
for i = 1, 200 do unit { type = "levy", faction = "liao", at = "binzhou", steps = 1, tag = ("z"):rep(5) .. "q" } end
local all = gyr.units()
local u = all[#all]
for i = 1, 2000 do gyr.units(u) end
