-- ningjiang1114.lua - Aguda's rising, autumn and winter 1114: the muster on the Laliu, the fall
-- of Ningjiang, the Bohai relief beaten, Xiao Sixian routed at Chuhedian on the frozen Songhua,
-- tribes going over to the Jurchens and Gu Yu's Balhae rising. Sources: history.md (LS, JS, ...).

-- ---------------------------------------------------------------- calendar helpers
local START = { year = 1114, month = 10, day = 8 }   -- Julian; about m.9, 15th of 1114
local TURN_DAYS, TURNS = 10, 9                        -- to 6 Jan 1115

-- Shared helpers (scripts/lib/history.lua): dates to turns, events that fire once, refusals
-- swallowed, and questions about factions and units.
local H = gyr.include("history")
local turn_of, once, happened, try = H.turn_of, H.once, H.happened, H.try
local alive, near = H.alive, H.near

-- ---------------------------------------------------------------- the scenario
scenario {
  id = "ningjiang1114", title = "Ningjiang 1114", years = "1114",
  start = START, turn_days = TURN_DAYS, turns = TURNS,
  map = "theatre",
  sides = { "jin", "liao" },
  briefing = [[
Autumn 1114. For two years Aguda of the Wanyan (完顏阿骨打), chief of the "wild" Jurchens of the
Anchuhu, has defied the Liao emperor Tianzuo (天祚帝): he refused to dance at the First-Fish feast
of 1112, demanded the return of the fugitive chief Ashu, and built forts on the border. In the 9th
month he musters 2,500 men on the Laliu river, swears them to the cause at Deshengtuo, fills in
the Liao boundary trench and marches on Ningjiang (寧江州), the border fortress and trading post
where Liao officials had cheated the Jurchens for a generation.

Tianzuo is hunting deer at Qingzhou and thinks little of it. He sends Bohai (Balhae) troops from
the Eastern Capital; later Xiao Sixian (蕭嗣先), brother of the chief minister Xiao Fengxian,
brings some 7,000 Khitan, Xi and palace troops to the Songhua. In the 11th month the river freezes.

Scale: one step is about 1,000 men. Turns of ten days, 8 Oct 1114 to 15 Jan 1115.]],
  briefing_jin = [[
You are Aguda. Take Ningjiang, beat whatever the Liao send across the Songhua, and carry the
border prefectures (Binzhou, Xiangzhou, Xianzhou) as Aguda did by the year's end. Every victory
brings wavering tribes over to you; a defeat will send them back to the Liao. Keep Aguda alive:
losing him costs 5 points, and his brother Wuqimai must take over.
Victory: 7 points (what Aguda achieved) - Ningjiang 3, Xianzhou 2, Binzhou 1, Xiangzhou 1,
Huanglong 3, and 1 for each field battle won (up to 3).]],
  briefing_liao = [[
You command the Liao frontier of the northeast. The garrison of Ningjiang is small, the Bohai
relief is on the road from the Eastern Capital, and Xiao Sixian's army is still on the steppe.
Hold the line of the Songhua until it arrives, and do not let the Jurchens win battles: the
Five Nations and the registered Jurchens are watching. In the west the Bohai of Raozhou are
restless. Kill or capture Aguda and the rising loses its head: that costs the Jurchens 5 points.
Victory: keep the Jurchens below 7 points at the end.]],
}

-- ---------------------------------------------------------------- factions and places
faction { id = "jin", name = "Jurchen Wanyan", hanzi = "女真完顏部", color = 0xE69F00,
          emblem = "sun", playable = true }
faction { id = "liao", name = "Khitan Liao", hanzi = "遼", color = 0x0072B2,
          emblem = "wolf", playable = true }
relation("jin", "liao", "war")
-- The neighbours stand aside: their towns are not for the taking in this scenario.
H.neutral_neighbours("jin", "liao")

place("huining",          { owner = "jin",  vp = 0, supply = true })
place("deshengtuo",       { owner = "jin",  vp = 0 })
place("hubudagang",       { owner = "jin",  vp = 0 })
place("ningjiang",        { owner = "liao", vp = 3, supply = true })
place("chuhedian",        { owner = "liao", vp = 0 })
place("binzhou",          { owner = "liao", vp = 1 })
place("xiangzhou",        { owner = "liao", vp = 1 })
place("xianzhou_kaiyuan", { owner = "liao", vp = 2, supply = true })
place("huanglong",        { owner = "liao", vp = 3, supply = true })
place("changchun",        { owner = "liao", vp = 0, supply = true })
place("daluguchang",      { owner = "liao", vp = 0 })
place("dongjing",         { owner = "liao", vp = 0, supply = true })
place("shangjing",        { owner = "liao", vp = 0, supply = true })
place("zhongjing",        { owner = "liao", vp = 0, supply = true })
place("qingzhou",         { owner = "liao", vp = 0, supply = true })
place("raozhou",          { owner = "liao", vp = 0 })
place("wuguo",            { owner = "liao", vp = 0 })

-- ---------------------------------------------------------------- leaders
leader { id = "aguda",       name = "Wanyan Aguda",    hanzi = "完顏阿骨打", rating = 3, faction = "jin" }
leader { id = "zonggan",     name = "Wanyan Zonggan",  hanzi = "完顏宗幹",   rating = 1, faction = "jin" }
leader { id = "loushi",      name = "Wanyan Loushi",   hanzi = "完顏婁室",   rating = 2, faction = "jin" }
leader { id = "da_yaoshinu", name = "Da Yaoshinu",     hanzi = "大藥師奴",   rating = 1, faction = "liao" }
leader { id = "xiao_wuna",   name = "Xiao Wuna",       hanzi = "蕭兀納",     rating = 1, faction = "liao" }
leader { id = "yelu_xieshi", name = "Yelü Xieshi",     hanzi = "耶律謝十",   rating = 1, faction = "liao" }
leader { id = "xiao_sixian", name = "Xiao Sixian",     hanzi = "蕭嗣先",     rating = 1, faction = "liao" }
leader { id = "xiao_tabuye", name = "Xiao Tabuye",     hanzi = "蕭撻不也",   rating = 1, faction = "liao" }

-- ---------------------------------------------------------------- order of battle
-- Jin: 2,500 at the Laliu muster (JS, XZZTJ); 3,700 armoured men by Chuhedian (JS); the rest
-- of the confederation's levies at home.
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "deshengtuo", steps = 2,
       leader = "aguda", name = "Aguda's armoured men", tag = "aguda_guard", exp = 100 }
unit { type = "jurchen_horse_archers", faction = "jin", at = "deshengtuo", steps = 1,
       leader = "zonggan", name = "Zonggan's riders", tag = "zonggan_riders" }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "huining", steps = 1,
       leader = "loushi", name = "Loushi's mouke", tag = "loushi_mouke" }
unit { type = "jurchen_horse_archers", faction = "jin", at = "huining", steps = 1,
       name = "Anchuhu clansmen", tag = "muster" }

-- Liao, Songhua front: Ningjiang's garrison ("800" - unsourced ?) and Xiao Wuna's 300 horse.
unit { type = "levy", faction = "liao", at = "ningjiang", steps = 1, leader = "da_yaoshinu",
       name = "Ningjiang garrison", tag = "ningjiang_garrison" }
unit { type = "khitan_horse_archers", faction = "liao", at = "ningjiang", steps = 1,
       leader = "xiao_wuna", name = "Xiao Wuna's horse", tag = "wuna" }
-- The Bohai relief from the Eastern Capital, beaten in m.9 (LS): two bodies on the road.
-- They were "utterly defeated" (summary): reluctant troops, low cohesion.
unit { type = "bohai_infantry", faction = "liao", at = "binzhou", steps = 2, leader = "yelu_xieshi",
       name = "Bohai army of Yelü Xieshi", tag = "bohai", cohesion = 60 }
unit { type = "bohai_infantry", faction = "liao", at = "huanglong", steps = 2,
       name = "Gao Xianshou's Bohai", tag = "bohai", cohesion = 60 }
unit { type = "levy", faction = "liao", at = "xianzhou_kaiyuan", steps = 1,
       name = "Xianzhou garrison", tag = "garrison" }
-- Xiao Sixian's army (LS: 3,000 Khitan and Xi, 2,000 Zhongjing palace troops and local men,
-- 2,000+ picked men = about 7,000; JS claims 100,000). It is mustered far to the west: the
-- distance is the delay of m.10, when the court woke up.
unit { type = "khitan_heavy_cavalry", faction = "liao", at = "qingzhou", steps = 2,
       leader = "xiao_sixian", name = "Khitan ordo horse", tag = "sixian" }
unit { type = "xi_cavalry", faction = "liao", at = "qingzhou", steps = 1,
       leader = "xiao_tabuye", name = "Xi horse", tag = "xi_cav" }
unit { type = "levy", faction = "liao", at = "zhongjing", steps = 2,
       name = "Zhongjing palace troops", tag = "sixian" }
-- The 2,000 picked men of the circuits gather at Changchun when the court wakes up (below).
-- Vassal tribes who may change sides.
unit { type = "tribal_horse_archers", faction = "liao", at = "wuguo", steps = 1,
       name = "Five Nations hunters", tag = "tribes" }
unit { type = "tribal_horse_archers", faction = "liao", at = "xianzhou_kaiyuan", steps = 1,
       name = "Registered Jurchens of Xianzhou", tag = "tribes" }
-- The west: the Raozhou garrison that will face Gu Yu.
unit { type = "levy", faction = "liao", at = "shangjing", steps = 1,
       name = "Shangjing guard", tag = "west" }

-- ---------------------------------------------------------------- victory
victory { faction = "jin", type = "score", value = 7,
          text = "Jin: 7 points by the end (Ningjiang 3, Xianzhou 2, Binzhou 1, Xiangzhou 1, Huanglong 3, battles won 1 each up to 3; Aguda lost -5)" }
victory { faction = "liao", type = "hold", place = "ningjiang",
          text = "Liao: keep the Jurchens below 7 points (holding Ningjiang is the surest way)" }

gyr.ai_goal { faction = "jin", type = "take", place = "ningjiang", weight = 10 }
gyr.ai_goal { faction = "jin", type = "take", place = "binzhou", weight = 4 }
gyr.ai_goal { faction = "jin", type = "take", place = "xiangzhou", weight = 3 }
gyr.ai_goal { faction = "jin", type = "take", place = "xianzhou_kaiyuan", weight = 4 }
gyr.ai_goal { faction = "jin", type = "protect_leader", place = "huining", weight = 5 }
gyr.ai_goal { faction = "liao", type = "hold", place = "ningjiang", weight = 10 }
gyr.ai_goal { faction = "liao", type = "hold", place = "huanglong", weight = 6 }
gyr.ai_goal { faction = "liao", type = "hunt_leader", place = "deshengtuo", weight = 5 }

-- ---------------------------------------------------------------- the story
local T_MOBILISE = turn_of(1114, 10, 30)   -- m.10, 1st day: Xiao Sixian mobilised (LS)
local T_CHUHEDIAN = turn_of(1114, 11, 29)  -- m.11 begins: the Songhua freezes; Chuhedian
local T_TRIBES = turn_of(1114, 12, 17)     -- by the year's end some tribes had joined (summary)
local T_GUYU = turn_of(1114, 12, 27)       -- latest turn for Gu Yu's rising in this scenario

local battles_won = { jin = 0, liao = 0 }
local jin_points_battles = 0
local jin_penalty = 0

-- Aguda killed or taken: the clans choose his brother Wuqimai, and the rising is set back.
local function aguda_check()
  if H.aguda_lost("Aguda is lost! The Wanyan chiefs choose his brother Wuqimai (吳乞買) to lead the rising.",
                  "Counterfactual: Aguda survived every battle; Wuqimai succeeded him only in 1123 (JS).") then
    if jin_penalty == 0 then gyr.score("jin", -5) end   -- in the score, so the panel and the end agree
    jin_penalty = 5
  end
end

-- The tribes on the border go over to whichever side is winning.
local function tribes_decide(reason)
  if not once("tribes") then return end
  if battles_won.jin >= battles_won.liao or gyr.owner("ningjiang") == "jin" then
    local note = "Summary: by the end of 1114 'some neighbouring tribes had also joined them'; QDGZ: after Chuhedian the Jin had 'over 10,000 iron cavalry'."
    if alive("tribes", "liao") then
      gyr.defect { tag = "tribes", faction = "liao", to = "jin",
                   text = "The Five Nations hunters and the registered Jurchens of Xianzhou go over to Aguda. " .. reason, note = note }
    end
    local first = true
    for _, id in ipairs({ "wuguo", "pennuli", "yuelidu" }) do
      if gyr.owner(id) ~= "jin" then
        local info = gyr.place_info(id)
        gyr.set_place_owner(id, "jin", {
          text = first and "The Five Nations of the lower Songhua send their chiefs to Aguda." or
                 info.name .. " (" .. info.hanzi .. ") submits as well.",
          note = first and note or "" })
        first = false
      end
    end
  else
    -- Sensible politics when the rising goes badly: a Jurchen clan buys its peace with the Liao.
    local note = "Counterfactual: the chief Ashu (阿疏) had taken refuge with the Liao before 1114 (CHC6); other clans could have followed him."
    local text = "The Jurchen rising falters: a clan of the confederation makes its peace with the Liao, and the tribes stay loyal. " .. reason
    local clans = {}
    for _, u in ipairs(gyr.units { faction = "jin" }) do
      if u.tag ~= "aguda_guard" then clans[#clans + 1] = u end
    end
    if #clans > 0 then
      gyr.defect { unit = clans[#clans], to = "liao", text = text, note = note }
    else
      for _, id in ipairs({ "deshengtuo", "hubudagang", "ningjiang", "binzhou", "xiangzhou" }) do
        if gyr.owner(id) == "jin" then
          gyr.set_place_owner(id, "liao", { text = text, note = note })
          return
        end
      end
      gyr.message { text = text, note = note }
    end
  end
end

-- Gu Yu's Balhae rising at Raozhou: the Bohai of the west take their chance.
local function gu_yu_rises(reason)
  if not once("guyu") then return end
  local note = "LS Shuguo biao dates Gu Yu's revolt to 1115 (months ?); the summary says 1114 and gives him 30,000 men, here 4 steps. He beat two Khitan armies before he was destroyed."
  gyr.create_faction { id = "balhae", name = "Gu Yu's Balhae", hanzi = "渤海古欲",
                       color = 0xCC79A7, emblem = "lotus", at_war_with = { "liao" },
                       text = "At Raozhou the Bohai settler Gu Yu (古欲) calls himself Great King. " .. reason, note = note }
  gyr.set_relation("balhae", "jin", "neutral")
  gyr.rebellion { place = "raozhou", faction = "balhae",
                  units = { { type = "bohai_infantry", steps = 2 }, { type = "levy", steps = 2 } },
                  text = "The Bohai settlers of Raozhou rise against the Liao.", note = note }
  gyr.ai_goal { faction = "balhae", type = "hold", place = "raozhou", weight = 10 }
end

-- Xiao Wuna's 300 horse do not wait for the assault: with the Jurchens at the walls they
-- slip away west across the Huntong, leaving the garrison to its fate (LS).
local function wuna_flees()
  if gyr.owner("ningjiang") ~= "liao" or not alive("wuna", "liao") then return end
  if not near("ningjiang", "jin", 2) or not gyr.chance(60) or not once("wuna_flees") then return end
  gyr.desert { faction = "liao", tag = "wuna", melt = true,
               text = "Xiao Wuna sees the Jurchen banners before Ningjiang and flees west across the Huntong with his 300 horse.",
               note = "LS: Xiao Wuna fled with 300 horsemen when Ningjiang fell, m.10 1114; here he leaves before the assault." }
end

on("turn_start", function(ev)
  if not ev.first then return end   -- once a turn, before the first side moves
  local t = ev.turn
  aguda_check()
  wuna_flees()
  once("started")   -- from now on a lost Aguda was lost in this scenario
  if t == 1 and once("muster") then
    gyr.message { text = "On the Laliu river Aguda musters 2,500 men and swears them to the war at Deshengtuo. Zonggan's men fill in the Liao boundary trench.",
                  note = "JS Taizu annals, XZZTJ: 2,500 men, m.9 1114; the trench 'dug up and levelled' (宗幹督士卒夷塹), Xu Kangzong 1125." }
    gyr.message { text = "Emperor Tianzuo, hunting deer at Qingzhou, hears of it and sends only the Bohai troops of the Eastern Capital.",
                  note = "LS: Tianzuo at Qingzhou in m.9 1114; Gao Xianshou sent with Bohai troops." }
  end
  if t >= T_MOBILISE and once("mobilise") then
    gyr.message { text = "The court wakes up: Xiao Sixian, brother of the chief minister Xiao Fengxian, is named commander and the Khitan and Xi march for the Songhua.",
                  note = "LS: mobilisation on the 1st day of m.10 1114 (≈30 Oct). LS gives about 7,000 men; JS claims 100,000." }
    gyr.ai_goal { faction = "liao", type = "take", place = "chuhedian", weight = 8 }
    gyr.reinforce { faction = "liao", at = "changchun",
                    units = { { type = "khitan_horse_archers", steps = 2, tag = "sixian", name = "Picked men of the circuits" } } }
  end
  if t >= T_CHUHEDIAN and once("ice") then
    gyr.message { text = "The 11th month: the Songhua freezes hard enough to cross. The Liao break up the ice road at Chuhedian, but an army can now cross anywhere.",
                  note = "JS: the Liao troops were 'breaking up the ice road' (壞凌道) when the Jurchens crossed at dawn, with a dust-raising gale at their backs." }
  end
  if t >= T_TRIBES then tribes_decide("The year is ending and the border clans choose their side.") end
  if t >= T_GUYU then gu_yu_rises("The Bohai of the west have waited long enough.") end
end)

on("place_captured", function(ev)
  if ev.place == "ningjiang" and ev.by == "jin" and once("ningjiang") then
    if try(gyr.capture_leader, "da_yaoshinu") then end
    local by = gyr.leader_state("aguda") == "active" and "Aguda" or "the Jurchens"
    gyr.message { text = "Ningjiang falls to " .. by .. ". Its defence commissioner Da Yaoshinu is taken; Xiao Wuna flees west across the Huntong with 300 horse.",
                  note = "JS, XZZTJ: Ningjiang taken in m.10 1114 (≈30 Oct–27 Nov); LS: Xiao Wuna's flight." }
    if gyr.chance(50) then tribes_decide("Ningjiang has fallen, and the Jurchens are the stronger.") end
  elseif ev.place == "ningjiang" and ev.by == "liao" and once("ningjiang_back") then
    gyr.message { text = "The Liao retake Ningjiang.", note = "Counterfactual: the Liao never recovered it." }
  elseif ev.by ~= "balhae" and ev.from == "liao" and gyr.turn() >= 4 and gyr.chance(25) then
    gu_yu_rises("News of Liao defeats in the east reaches the Bohai settlers.")
  end
end)

on("battle", function(ev)
  aguda_check()
  local winner = ev.attacker_won and ev.attacker_faction or ev.defender_faction
  if winner ~= "jin" and winner ~= "liao" then return end
  local loser = (winner == "jin") and "liao" or "jin"
  if ev.attacker_faction ~= loser and ev.defender_faction ~= loser then return end
  battles_won[winner] = battles_won[winner] + 1
  if winner == "jin" and battles_won.jin <= 3 then
    gyr.score("jin", 1)
    jin_points_battles = jin_points_battles + 1
  end
  if winner == "jin" and battles_won.jin == 1 and once("first_win") then
    gyr.message { text = "The Jurchens win their first fight with the Liao. 'If the Jurchens reach ten thousand they cannot be withstood.'",
                  note = "JS links the saying 女真兵若滿萬則不可敵 to the aftermath of Chuhedian (m)." }
  end
  if winner == "jin" and gyr.turn() >= T_CHUHEDIAN - 1 and alive("sixian", "liao") and once("chuhedian") then
    gyr.message { text = "Xiao Sixian's army breaks on the Songhua, as it broke at Chuhedian. Sixian escapes punishment through his brother's influence, and the Khitan generals lose heart.",
                  note = "JS: Chuhedian, m.11 1114 (CHC6: m.10); 3,700 Jin armoured men, only a third up in time, against about 7,000 (LS) or '100,000' (JS)." }
    if alive("xi_cav", "liao") then
      gyr.desert { faction = "liao", tag = "xi_cav", steps = 1 }
    else
      gyr.desert { faction = "liao", tag = "sixian", steps = 1 }
    end
  end
  if winner == "jin" and gyr.chance(40) then
    tribes_decide("The Jurchens have beaten the Liao in the field.")
  end
  if winner == "liao" and loser == "jin" and battles_won.liao >= 2 and gyr.chance(40) then
    tribes_decide("The Liao have beaten the Jurchens twice.")
  end
  if winner == "jin" and gyr.turn() >= 4 and gyr.chance(20) then
    gu_yu_rises("News of Liao defeats in the east reaches the Bohai settlers.")
  end
end)

on("unit_destroyed", function(ev)
  local u = ev.unit
  if u and u.tag == "bohai" and ev.by == "jin" and once("xieshi") then
    try(gyr.kill_leader, "yelu_xieshi")
    gyr.message { text = gyr.leader_state("aguda") == "active" and "The Bohai relief army is destroyed; Aguda shoots its commander Yelü Xieshi with his own bow."
                         or "The Bohai relief army is destroyed and its commander Yelü Xieshi killed.",
                  note = "JS, LS: m.9 1114, before Ningjiang fell; Aguda personally shot Yelü Xieshi (耶律謝十)." }
  end
end)

on("turn_end", function(ev)
  if gyr.turn() ~= TURNS then return end
  -- Score against history: Aguda held Ningjiang, Bin, Xiang and Xian by the year's end.
  aguda_check()
  local pts = jin_points_battles - jin_penalty
  local vp = { ningjiang = 3, xianzhou_kaiyuan = 2, binzhou = 1, xiangzhou = 1, huanglong = 3 }
  for _, id in ipairs({ "ningjiang", "xianzhou_kaiyuan", "binzhou", "xiangzhou", "huanglong" }) do
    if gyr.owner(id) == "jin" then pts = pts + vp[id] end
  end
  if pts >= 7 then
    gyr.victory("jin", "Jin victory: " .. pts .. " points, as good as Aguda's 1114 or better")
  else
    gyr.victory("liao", "Liao victory: the Jurchens held to " .. pts .. " points (Aguda made 7 or more)")
  end
end)
