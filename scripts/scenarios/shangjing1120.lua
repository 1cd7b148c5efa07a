-- shangjing1120.lua - the fall of the Supreme Capital, spring and summer 1120: the Jin terms
-- and the failed negotiations, famine, bandit risings, mutiny and defections wearing down
-- the Liao, Aguda's march on Shangjing, and the summer pause.

-- ---------------------------------------------------------------- calendar helpers
local START = { year = 1120, month = 4, day = 8 }    -- about m.3 1120 (Julian)
local TURN_DAYS, TURNS = 10, 12                       -- to 5 Aug 1120

-- Shared helpers (scripts/lib/history.lua): dates to turns, events that fire once, refusals
-- swallowed, and questions about factions and units.
local H = gyr.include("history")
local turn_of, once, happened, try = H.turn_of, H.once, H.happened, H.try
local alive, near, defect_tag = H.alive, H.near, H.defect_tag

-- ---------------------------------------------------------------- the scenario
scenario {
  id = "shangjing1120", title = "The Fall of the Supreme Capital", years = "1120",
  start = START, turn_days = TURN_DAYS, turns = TURNS,
  map = "theatre",
  sides = { "jin", "liao" },
  briefing = [[
Spring 1120. For two years the war has paused. Liaodong, Chunzhou and the prefectures west of
the Liao river around Xianzhou (顯州) are Jin; the Liao hold the steppe heartland and the
Supreme Capital, Shangjing Linhuang (上京臨潢府), with the tombs of their emperors.

Tianzuo has sued for peace since 1118, but Aguda's terms are ruinous: to be treated as elder
brother, half the empire, hostages, silk and silver. The Liao offered to invest him as
"Emperor of Dong-huai" and he refused the form of the title. Meanwhile famine, bandit risings,
mutinies of the "Resentful Army" and the defection of prefects wear the Liao down, and a Song
envoy, Zhao Liangsi, rides to Aguda's camp to offer an alliance against them.

In the 5th month Aguda takes the Supreme Capital in a single morning. Then the midsummer heat
and an epidemic among the horses and oxen send the Jin home.

Scale: one step is about 2,500 men. Ten-day turns, 8 Apr to 5 Aug 1120.]],
  briefing_jin = [[
You are Aguda. Decide nothing: the Liao must answer your terms. Then march on the Supreme
Capital - taking it counts even if you leave it again, as Aguda did. Heat and disease will
stop you in the 6th month, so be quick.
Victory: 10 points - Shangjing taken 5 (by 12 June, Aguda's date; 3 if later); Zhongjing 3, Qingzhou 1 and Raozhou 1 held
at the end; ceded Liaoxi towns 1 each; Tianzuo taken 5.]],
  briefing_liao = [[
You are Tianzuo. First answer the Jin terms. Then hold the Supreme Capital until the summer
heat stops the Jin; every famine, mutiny and defection costs you troops, so spend them well.
Victory: keep the Jin below 10 points - hold Shangjing past 12 June and keep Zhongjing.]],
}

-- ---------------------------------------------------------------- factions and places
faction { id = "jin", name = "Great Jin", hanzi = "大金", color = 0xE69F00, emblem = "sun", playable = true }
faction { id = "liao", name = "Khitan Liao", hanzi = "遼", color = 0x0072B2, emblem = "wolf", playable = true }
relation("jin", "liao", "war")
-- The neighbours stand aside: their towns are not for the taking in this scenario.
H.neutral_neighbours("jin", "liao")

-- The northeast and Liaodong, Jin since 1114-1117.
for _, id in ipairs({ "ningjiang", "chuhedian", "binzhou", "xiangzhou", "daluguchang", "deshengtuo", "hubudagang", "changchun", "taizhou", "huanglong", "huining", "xianzhou_kaiyuan", "dongjing", "shenzhou", "haizhou", "kaizhou", "hesuguan" }) do
  place(id, { owner = "jin" })
end
place("baozhou", {})   -- Goryeo's since 1117
place("changchun",        { owner = "jin",  vp = 0, supply = true })
place("taizhou",          { owner = "jin",  vp = 0, supply = true })
place("huanglong",        { owner = "jin",  vp = 0, supply = true })
place("xianzhou_kaiyuan", { owner = "jin",  vp = 0, supply = true })
place("shenzhou",         { owner = "jin",  vp = 0, supply = true })
place("dongjing",         { owner = "jin",  vp = 0, supply = true })
place("xianzhou_beizhen", { owner = "jin",  vp = 0, supply = true })
place("qianzhou",         { owner = "jin",  vp = 0 })
place("jilishan",         { owner = "jin",  vp = 0 })
place("shangjing",        { owner = "liao", vp = 5, supply = true })
place("zhongjing",        { owner = "liao", vp = 3, supply = true })
place("qingzhou",         { owner = "liao", vp = 1, supply = true })
place("raozhou",          { owner = "liao", vp = 1 })
place("guangping",        { owner = "liao", vp = 0 })
place("longhua",          { owner = "liao", vp = 0 })
place("jinzhou",          { owner = "liao", vp = 0, supply = true })
place("yizhou_lx",        { owner = "liao", vp = 0 })
place("yiwulu",           { owner = "liao", vp = 0 })
place("gaozhou",          { owner = "liao", vp = 0 })

-- ---------------------------------------------------------------- leaders
leader { id = "aguda",         name = "Wanyan Aguda",   hanzi = "完顏阿骨打", rating = 3, faction = "jin" }
leader { id = "loushi",        name = "Wanyan Loushi",  hanzi = "完顏婁室",   rating = 2, faction = "jin" }
leader { id = "nianhan",       name = "Nianhan",        hanzi = "粘罕",       rating = 2, faction = "jin" }
leader { id = "wolu",          name = "Wolu",           hanzi = "斡魯",       rating = 2, faction = "jin" }
leader { id = "tianzuo",       name = "Emperor Tianzuo",hanzi = "天祚帝",     rating = 1, faction = "liao" }
leader { id = "tabuye",        name = "Tabuye",         hanzi = "撻不也",     rating = 1, faction = "liao" }
leader { id = "yelu_yudu",     name = "Yelü Yudu",      hanzi = "耶律余睹",   rating = 2, faction = "liao" }
leader { id = "yelu_chun",     name = "Yelü Chun, Prince of Qin-Jin", hanzi = "耶律淳", rating = 1, faction = "liao" }

-- ---------------------------------------------------------------- order of battle
-- Jin: no figures survive for 1120 (?): a field army of perhaps 30,000 with auxiliaries.
-- Aguda's field army is on the march west across the Horqin steppe (m.3 1120).
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = { lat = 43.80, lon = 121.70 }, steps = 3,
       leader = "aguda", name = "Aguda's armoured men", tag = "aguda_guard", exp = 200 }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = { lat = 43.80, lon = 121.70 }, steps = 3,
       leader = "loushi", name = "Loushi's mouke", tag = "loushi_mouke", exp = 200 }
unit { type = "jurchen_horse_archers", faction = "jin", at = { lat = 44.10, lon = 122.00 }, steps = 3,
       leader = "nianhan", name = "Nianhan's horse", tag = "nianhan_army", exp = 100 }
unit { type = "jurchen_horse_archers", faction = "jin", at = { lat = 44.10, lon = 122.00 }, steps = 2,
       name = "Zonggan's riders", tag = "zonggan_riders", exp = 100 }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "xianzhou_beizhen", steps = 2,
       leader = "wolu", name = "Wolu's armoured horse", tag = "wolu_army", exp = 100 }
unit { type = "bohai_infantry", faction = "jin", at = "xianzhou_beizhen", steps = 2,
       name = "Bohai and Liaodong auxiliaries", tag = "auxiliaries" }

-- Liao: Tabuye's garrison of the Supreme Capital; the court and guard at the Central Capital;
-- Yudu in Liaoxi; the Resentful Army's camps (28,000 in 8 camps, novel paraphrase of LS/QDGZ ?).
unit { type = "han_infantry", faction = "liao", at = "shangjing", steps = 3,
       leader = "tabuye", name = "Shangjing garrison", tag = "shangjing_garrison" }
unit { type = "levy", faction = "liao", at = "shangjing", steps = 2,
       name = "Shangjing militia", tag = "levy" }
unit { type = "khitan_horse_archers", faction = "liao", at = "qingzhou", steps = 2,
       name = "Ordo horse of the tombs", tag = "ordo_horse" }
unit { type = "levy", faction = "liao", at = "raozhou", steps = 1, name = "Raozhou militia", tag = "raozhou" }
unit { type = "khitan_heavy_cavalry", faction = "liao", at = "zhongjing", steps = 2,
       leader = "tianzuo", name = "Imperial guard", tag = "tianzuo_guard" }
unit { type = "xi_cavalry", faction = "liao", at = "zhongjing", steps = 2, name = "Xi horse", tag = "xi_cav" }
unit { type = "khitan_heavy_cavalry", faction = "liao", at = "yiwulu", steps = 2,
       leader = "yelu_yudu", name = "Yudu's horse", tag = "yudu_1120" }
unit { type = "yuanjun", faction = "liao", at = "yizhou_lx", steps = 2, name = "Resentful Army, Yi camps", tag = "yuanjun" }
unit { type = "yuanjun", faction = "liao", at = "jinzhou", steps = 2, leader = "yelu_chun",
       name = "Resentful Army, Jin camps", tag = "yuanjun" }
unit { type = "levy", faction = "liao", at = "longhua", steps = 1, name = "Longhua militia", tag = "longhua" }
unit { type = "khitan_horse_archers", faction = "liao", at = "guangping", steps = 2,
       name = "Khitan tribal horse", tag = "tribal" }

-- ---------------------------------------------------------------- victory
victory { faction = "jin", type = "score", value = 10,
          text = "Jin: 10 points (Shangjing taken 5 by 12 Jun, 3 later; Zhongjing 3, Qingzhou 1, Raozhou 1 held; ceded towns 1 each; Tianzuo 5)" }
victory { faction = "liao", type = "hold", place = "shangjing",
          text = "Liao: keep the Jin below 10 points - hold the Supreme Capital past 12 June, keep Zhongjing" }

gyr.ai_goal { faction = "jin", type = "take", place = "shangjing", weight = 10 }
gyr.ai_goal { faction = "jin", type = "take", place = "qingzhou", weight = 3 }
gyr.ai_goal { faction = "liao", type = "hold", place = "shangjing", weight = 10 }
gyr.ai_goal { faction = "liao", type = "hold", place = "zhongjing", weight = 6 }
gyr.ai_goal { faction = "liao", type = "protect_leader", place = "zhongjing", weight = 5 }

-- ---------------------------------------------------------------- the story
local T_ZHAO = turn_of(1120, 4, 25)      -- m.3–4: Zhao Liangsi reaches Aguda
local T_PAUSE = turn_of(1120, 7, 5)      -- m.6: heat and the epidemic among the horses
local T_FALL = turn_of(1120, 6, 12)      -- m.5, 15th day: Shangjing fell (JS Yudu biography)
local truce_until = nil                  -- last turn of a truce bought by talking
local shangjing_taken = false
local shangjing_turn = nil               -- the turn the Jin took it
local ceded = {}
local famines = 0
local liao_losses = 0

-- Liao prefects go over to the Jin as the empire weakens.
local NAME = { longhua = "Longhua (龍化州)", raozhou = "Raozhou (饒州)", gaozhou = "Gaozhou (高州)",
               guangping = "the winter camp of Guangping (廣平淀)", qingzhou = "Qingzhou (慶州)" }
-- The first Liao-held town of the list goes over to the Jin with its garrison.
local function prefect_defects(reason)
  for _, id in ipairs({ "longhua", "raozhou", "gaozhou", "guangping", "qingzhou" }) do
    if gyr.owner(id) == "liao" then
      local note = "Summary: the Liao 'plagued by famine, local rebellions, and defections to the Jin' (1118–20)."
      gyr.set_place_owner(id, "jin", { text = "The commander of " .. NAME[id] .. " goes over to the Jin. " .. reason, note = note })
      defect_tag(id, "liao", "jin", "The garrison goes over with him.", note)
      return true
    end
  end
  return false
end

-- An Sheng'er and Zhang Gao'er's bandit rising in Liaoxi.
local function bandits_rise()
  if not once("bandits") then return end
  local note = "(m ?): the rising of 1118 around Longhua and Yizhou, claimed at '200,000'."
  gyr.create_faction { id = "bandits", name = "An Sheng'er's bandits", hanzi = "安生兒",
                       color = 0x999999, emblem = "broken_bow", at_war_with = { "liao", "jin" },
                       text = "Famine drives the peasants of Liaoxi to the bandits An Sheng'er and Zhang Gao'er.", note = note }
  gyr.rebellion { place = "longhua", faction = "bandits",
                  units = { { type = "levy", steps = 2 }, { type = "levy", steps = 1 } },
                  text = "The bandits rise around Longhua and plunder the countryside.", note = note }
  gyr.ai_goal { faction = "bandits", type = "hold", place = "longhua", weight = 5 }
end

-- The Resentful Army mutinies and plunders Qianzhou.
local function yuanjun_mutiny()
  if not once("mutiny") then return end
  gyr.create_faction { id = "mutineers", name = "Resentful Army mutineers", hanzi = "怨軍",
                       color = 0x56B4E9, emblem = "broken_bow", at_war_with = { "liao", "jin" },
                       text = "Two camps of the Resentful Army mutiny and go plundering towards Qianzhou.",
                       note = "Novel paraphrase of LS (?): two Yuanjun camps plundered Qianzhou c.1119; the army of famine refugees mutinied repeatedly." }
  local us = gyr.units { faction = "liao", tag = "yuanjun" }
  if #us > 0 then
    gyr.defect { unit = us[1], to = "mutineers", text = "A camp of the Resentful Army kills its officers and goes over to the mutiny.",
                 note = "Novel paraphrase of LS/QDGZ (?): the army of famine refugees mutinied repeatedly, c.1119-1121." }
  else
    gyr.rebellion { place = "yizhou_lx", faction = "mutineers", units = { { type = "levy", steps = 2 } } }
  end
  gyr.ai_goal { faction = "mutineers", type = "take", place = "qianzhou", weight = 5 }
end

-- The Jin terms put to the Liao side (a choice).
local function ask_terms()
  gyr.choice { faction = "liao",
    question = "Aguda's terms: call him elder brother, cede half the empire, give hostages, silk and silver. Answer?",
    options = { "Refuse (as Tianzuo did)", "Accept the terms", "Haggle over the title" }, ai_default = 1,
    on_answer = function(option)
      if option == 1 then
        gyr.message { text = "Tianzuo refuses. Aguda breaks off the talks: 'the Liao are not sincere'.",
                      note = "(m): talks collapsed by early 1120; the war resumed in spring." }
      elseif option == 2 then
        gyr.set_relation("jin", "liao", "neutral")
        for _, id in ipairs({ "jinzhou", "yizhou_lx" }) do
          gyr.set_place_owner(id, "jin")
          ceded[id] = true
        end
        truce_until = gyr.turn() + 4
        gyr.message { text = "Tianzuo accepts: the towns of Liaoxi are handed over, and silk and silver are promised. The Khitan nobles are ashamed.",
                      note = "Counterfactual: the terms were 'impossible to meet' (summary)." }
        if gyr.chance(50) then yuanjun_mutiny() end
      else
        gyr.set_relation("jin", "liao", "neutral")
        truce_until = gyr.turn() + 1
        gyr.message { text = "Liao envoys offer again to invest Aguda as 'Emperor of Dong-huai'. The talks drag on.",
                      note = "(m): 1119 investiture as 東懷國 emperor; Aguda rejected the form of the title." }
      end
    end }
end

-- Tabuye gives up the Supreme Capital "within one morning" when the Jin stand next to its walls.
local function tabuye_surrenders()
  if gyr.owner("shangjing") ~= "liao" or not alive("shangjing_garrison", "liao") then return end
  if gyr.leader_state("tabuye") ~= "active" or not near("shangjing", "jin", 1) then return end
  if not gyr.chance(liao_losses > 0 and 60 or 35) or not once("tabuye") then return end
  gyr.desert { faction = "liao", tag = "shangjing_garrison", melt = true,
               text = "Before the Jin have finished deploying, Tabuye opens the gates of the Supreme Capital's outer city and his garrison lays down its arms.",
               note = "(m): the commander Tabuye 撻不也 surrendered within one morning, m.5 1120." }
  try(gyr.capture_leader, "tabuye")
end

local tianzuo_free_at_start = nil
on("turn_start", function(ev)
  if not ev.first then return end   -- once a turn, before the first side moves
  local t = ev.turn
  if tianzuo_free_at_start == nil then tianzuo_free_at_start = gyr.leader_state("tianzuo") == "active" end
  if t == 1 and once("terms") then ask_terms() end
  tabuye_surrenders()
  if truce_until and t > truce_until and once("truce_over") then
    gyr.set_relation("jin", "liao", "war")
    gyr.message { text = "Aguda finds the Liao answers wanting and takes the field again.",
                  note = "(m): the talks of 1118–1120 all failed." }
  end
  if t >= T_ZHAO and once("zhao") then
    gyr.message { text = "The Song envoy Zhao Liangsi reaches Aguda in the field: the Jin shall take the Central Capital, the Song Yanjing, and the Liao payments go to the Jin.",
                  note = "The 'Alliance Conducted at Sea', 1120 m.3–4 (secondary). Zhao watched the fall of Shangjing." }
    if truce_until and t <= truce_until and gyr.chance(50) then truce_until = t - 1 end
  end
  -- Famine in Liao lands (1118–1120).
  if t >= 2 and famines < 3 and gyr.chance(30) then
    famines = famines + 1
    local text, note = "Famine: the levies of the Liao melt away to find food.", "Summary: the Liao 'plagued by famine' in 1118–1120."
    if alive("levy", "liao") then gyr.desert { faction = "liao", tag = "levy", steps = 1, text = text, note = note }
    elseif alive("yuanjun", "liao") then gyr.desert { faction = "liao", tag = "yuanjun", steps = 1, count = 1, text = text, note = note }
    else gyr.message { text = text, note = note } end
  end
  if t >= 2 and gyr.chance(25) then bandits_rise() end
  if t >= 5 then bandits_rise() end
  if t >= 3 and (liao_losses > 0 or famines > 0) and gyr.chance(25) then yuanjun_mutiny() end
  if t >= 7 then yuanjun_mutiny() end
  if t == 3 and once("first_prefect") then prefect_defects("The court cannot feed or protect its towns.") end
  if t >= T_PAUSE and once("pause") then
    gyr.message { text = "Midsummer: the heat and an epidemic among the oxen and horses stop the Jin. Aguda puts off the war to next year and turns for home.",
                  note = "Song-based secondary: 'midsummer heat; a great epidemic among oxen and horses'; the joint attack was deferred. JS: Aguda also 'avoided the heat' in 1115." }
    for _, tag in ipairs({ "aguda_guard", "loushi_mouke", "nianhan_army" }) do
      if alive(tag, "jin") then gyr.desert { faction = "jin", tag = tag, steps = 1 } end
    end
    gyr.ai_goal { faction = "jin", type = "flee_to", place = "changchun", weight = 10 }
    gyr.ai_goal { faction = "liao", type = "take", place = "xianzhou_beizhen", weight = 5 }
  end
end)

on("place_captured", function(ev)
  if ev.place == "shangjing" and ev.by == "jin" and once("shangjing") then
    shangjing_taken = true
    shangjing_turn = gyr.turn()
    if gyr.leader_state("tabuye") == "active" then try(gyr.capture_leader, "tabuye") end
    gyr.message { text = "The Supreme Capital falls in a single morning; its commander Tabuye surrenders. Zhao Liangsi, watching, drinks to the Jin victory.",
                  note = "JS Yudu biography: m.5 1120, the 15th day (≈12 Jun 1120). A 2022 study argues the Jin left it ungarrisoned until 1123." }
    prefect_defects("The fall of the Supreme Capital has shaken every prefect.")
  elseif ev.from == "liao" and ev.by == "jin" and gyr.chance(40) then
    prefect_defects("The Jin are coming and the court is far away.")
  end
end)

on("battle", function(ev)
  local winner = ev.attacker_won and ev.attacker_faction or ev.defender_faction
  local loser = ev.attacker_won and ev.defender_faction or ev.attacker_faction
  if winner == "jin" and loser == "liao" then liao_losses = liao_losses + 1 end
  if winner == "liao" and loser == "jin" and happened("pause") and once("ambush") then
    gyr.message { text = "Yelü Yudu ambushes the Jin rearguard as it crosses the Liao river on the way home.",
                  note = "JS Yudu biography: in 1120 he fell on the Jin rearguard at the Liao river." }
  end
end)

on("turn_end", function(ev)
  if gyr.turn() ~= TURNS then return end
  -- Shangjing by its historical date is worth 5, later 3: Aguda's pace is the measure.
  local pts = shangjing_taken and ((shangjing_turn or TURNS) <= T_FALL and 5 or 3) or 0
  local vp = { zhongjing = 3, qingzhou = 1, raozhou = 1 }
  for _, id in ipairs({ "zhongjing", "qingzhou", "raozhou" }) do
    if gyr.owner(id) == "jin" then pts = pts + vp[id] end
  end
  for _, id in ipairs({ "jinzhou", "yizhou_lx" }) do
    if ceded[id] and gyr.owner(id) == "jin" then pts = pts + 1 end
  end
  if tianzuo_free_at_start and gyr.leader_state("tianzuo") ~= "active" then pts = pts + 5 end
  if pts >= 10 then
    gyr.victory("jin", "Jin victory: " .. pts .. " points - the Supreme Capital has fallen")
  else
    gyr.victory("liao", "Liao victory: the Jin held to " .. pts .. " points (10 needed)")
  end
end)
