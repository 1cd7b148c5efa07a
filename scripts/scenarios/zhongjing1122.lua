-- zhongjing1122.lua - the Central Capital, 1121-1122: Lady Wen's plot, Yelü Yudu's defection
-- with his troops, the Resentful Army's mutiny, the Jin march with Yudu as vanguard, the fall
-- of Zhongjing, Tianzuo's flight through the Juyong Pass and the end of Xiao Fengxian.

-- ---------------------------------------------------------------- calendar helpers
local START = { year = 1121, month = 1, day = 21 }   -- m.1, 1st day of 1121 (Julian)
local TURN_DAYS, TURNS = 20, 22                       -- to 5 Apr 1122

-- Shared helpers (scripts/lib/history.lua): dates to turns, events that fire once, refusals
-- swallowed, and questions about factions and units.
local H = gyr.include("history")
local turn_of, once, happened, try = H.turn_of, H.once, H.happened, H.try
local alive, defect_tag = H.alive, H.defect_tag

-- ---------------------------------------------------------------- the scenario
scenario {
  id = "zhongjing1122", title = "The Central Capital", years = "1121-1122",
  start = START, turn_days = TURN_DAYS, turns = TURNS,
  map = "theatre",
  sides = { "jin", "liao" },
  briefing = [[
Spring 1121. The Supreme Capital has fallen, and the Liao court is consumed by the question
of who will follow Tianzuo. His consort Lady Wen (文妃) has a son, Aoluwo, Prince of Jin (晉王);
Lady Yuan, sister of the chief minister Xiao Fengxian (蕭奉先), has another. In the first month
Fengxian accuses Lady Wen, her sister's husband General Yelü Yudu (耶律余睹) and others of
plotting to put Aoluwo on the throne. Lady Wen is forced to kill herself. Yudu flees with his
troops to the Jin - and is allowed to keep them.

A year later, in the 12th month, Aguda gives his brother Xieye (斜也) the command of a march on
the Central Capital, Zhongjing Dading (中京大定府), with Yudu as vanguard and guide. The garrison
burns its stores and flees without fighting. Tianzuo, at Yanjing, runs through the Juyong Pass
to the steppe, has his own son Aoluwo killed on hearing that Yudu is coming to make him
emperor, and soon forces Xiao Fengxian to kill himself.

Scale: one step is about 2,500 men. Twenty-day turns, 21 Jan 1121 to 5 Apr 1122.]],
  briefing_jin = [[
You command the Jin. The joint attack agreed with the Song is due this year: wait for them, as
Aguda did, while the Liao court tears itself apart, or strike at once and be blamed for it.
Welcome those who come over, and when winter comes take the Central Capital and the Xi
prefectures. If Tianzuo can be caught before he reaches the steppe, so much the better.
Victory: 8 points at the end - Zhongjing 5; Gaozhou, Zezhou and Bei'anzhou 1 each; Yelü Yudu
in Jin service 1; Yanjing 3; Tianzuo taken 5; striking before m.12 without the Song costs 2.
History made 9.]],
  briefing_liao = [[
You are Tianzuo. Decide whom to believe when the plot is uncovered; every general who goes
over takes his troops and his knowledge of your roads with him. Hold the Central Capital
through the winter, keep the Xi loyal, and keep yourself out of Jin hands.
Victory: keep the Jin below 8 points.]],
}

-- ---------------------------------------------------------------- factions and places
faction { id = "jin", name = "Great Jin", hanzi = "大金", color = 0xE69F00, emblem = "sun", playable = true }
faction { id = "liao", name = "Khitan Liao", hanzi = "遼", color = 0x0072B2, emblem = "wolf", playable = true }
relation("jin", "liao", "war")
-- The neighbours stand aside: their towns are not for the taking in this scenario.
H.neutral_neighbours("jin", "liao")

-- The northeast, Liaodong and the Liao river, Jin since 1114-1120.
for _, id in ipairs({ "ningjiang", "chuhedian", "binzhou", "xiangzhou", "daluguchang", "deshengtuo", "hubudagang", "changchun", "taizhou", "huanglong", "huining", "xianzhou_kaiyuan", "dongjing", "shenzhou", "haizhou", "kaizhou", "hesuguan", "jilishan" }) do
  place(id, { owner = "jin" })
end
place("baozhou", {})   -- Goryeo's since 1117
place("xianzhou_beizhen", { owner = "jin",  vp = 0, supply = true })
place("qianzhou",         { owner = "jin",  vp = 0 })
place("shangjing",        { owner = "jin",  vp = 0, supply = true })
place("qingzhou",         { owner = "jin",  vp = 0 })
place("raozhou",          { owner = "jin",  vp = 0 })
place("guangping",        { owner = "jin",  vp = 0 })
place("longhua",          { owner = "jin",  vp = 0 })
place("dongjing",         { owner = "jin",  vp = 0, supply = true })
place("shenzhou",         { owner = "jin",  vp = 0, supply = true })
place("zhongjing",        { owner = "liao", vp = 5, supply = true })
place("gaozhou",          { owner = "liao", vp = 1 })
place("zezhou",           { owner = "liao", vp = 1 })
place("beianzhou",        { owner = "liao", vp = 1 })
place("jinzhou",          { owner = "liao", vp = 0, supply = true })
place("yizhou_lx",        { owner = "liao", vp = 0 })
place("yiwulu",           { owner = "liao", vp = 0 })
place("songting",         { owner = "liao", vp = 0 })
place("gubeikou",         { owner = "liao", vp = 0 })
place("juyong",           { owner = "liao", vp = 0 })
place("nanjing",          { owner = "liao", vp = 3, supply = true })
place("pingzhou",         { owner = "liao", vp = 0 })
place("yuanyang",         { owner = "liao", vp = 0 })
place("xijing",           { owner = "liao", vp = 0, supply = true })
place("baishui",          { owner = "liao", vp = 0 })

-- ---------------------------------------------------------------- leaders
leader { id = "aguda",        name = "Wanyan Aguda",      hanzi = "完顏阿骨打", rating = 3, faction = "jin" }
leader { id = "xieye",        name = "Xieye (Wanyan Gao)",hanzi = "斜也",       rating = 2, faction = "jin" }
leader { id = "nianhan",      name = "Nianhan",           hanzi = "粘罕",       rating = 2, faction = "jin" }
leader { id = "pujianu",      name = "Pujianu",           hanzi = "蒲家奴",     rating = 1, faction = "jin" }
leader { id = "woliduo",      name = "Woliduo",           hanzi = "斡離不",     rating = 2, faction = "jin" }
leader { id = "tianzuo",      name = "Emperor Tianzuo",   hanzi = "天祚帝",     rating = 1, faction = "liao" }
leader { id = "xiao_fengxian",name = "Xiao Fengxian",     hanzi = "蕭奉先",     rating = 1, faction = "liao" }
leader { id = "yelu_yudu",    name = "Yelü Yudu",         hanzi = "耶律余睹",   rating = 2, faction = "liao" }
leader { id = "aoluwo",       name = "Aoluwo, Prince of Jin", hanzi = "敖盧斡", rating = 1, faction = "liao" }
leader { id = "yelu_chun",    name = "Yelü Chun, Prince of Qin-Jin", hanzi = "耶律淳", rating = 1, faction = "liao" }
leader { id = "xiao_gan",     name = "Xiao Gan (Huilibao)", hanzi = "蕭幹",     rating = 2, faction = "liao" }
leader { id = "yelu_dashi",   name = "Yelü Dashi",        hanzi = "耶律大石",   rating = 2, faction = "liao" }

-- ---------------------------------------------------------------- order of battle
-- Jin (figures not found ?): Xieye's field army in Liaoxi, Woliduo and Pujianu in the north.
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "xianzhou_beizhen", steps = 3,
       leader = "xieye", name = "Xieye's armoured horse", tag = "xieye_army", exp = 200 }
unit { type = "jurchen_horse_archers", faction = "jin", at = "qianzhou", steps = 3,
       leader = "nianhan", name = "Nianhan's horse", tag = "nianhan_army", exp = 200 }
unit { type = "jurchen_horse_archers", faction = "jin", at = "shangjing", steps = 2,
       leader = "pujianu", name = "Pujianu's riders", tag = "zonggan_riders", exp = 100 }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "shangjing", steps = 2,
       leader = "woliduo", name = "Woliduo's mouke", tag = "woliduo_army", exp = 100 }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "shenzhou", steps = 3,
       leader = "aguda", name = "Aguda's armoured men", tag = "aguda_guard", exp = 300 }
unit { type = "bohai_infantry", faction = "jin", at = "xianzhou_beizhen", steps = 2,
       name = "Bohai and Liaodong auxiliaries", tag = "auxiliaries" }

-- Liao. Yudu's command in Liaoxi: LS "1,000+ horse"; JS "3,000 households, 5,000 carts".
unit { type = "khitan_heavy_cavalry", faction = "liao", at = "yiwulu", steps = 2,
       leader = "yelu_yudu", name = "Yudu's horse", tag = "yudu_troops", exp = 100 }
-- The Central Capital's garrison is strong on paper; in m.1 1122 it burned its stores and ran.
unit { type = "han_infantry", faction = "liao", at = "zhongjing", steps = 4,
       name = "Zhongjing garrison", tag = "zhongjing_garrison" }
unit { type = "levy", faction = "liao", at = "zhongjing", steps = 3,
       name = "Zhongjing militia", tag = "zhongjing_garrison" }
unit { type = "han_militia", faction = "liao", at = "zhongjing", steps = 3,
       name = "Dading townsmen", tag = "zhongjing_garrison" }
unit { type = "levy", faction = "liao", at = "gaozhou", steps = 1, name = "Gaozhou militia", tag = "gaozhou" }
unit { type = "xi_cavalry", faction = "liao", at = "zezhou", steps = 3,
       leader = "xiao_gan", name = "Xi horse of Xiao Gan", tag = "xi_cav", exp = 100 }
unit { type = "yuanjun", faction = "liao", at = "jinzhou", steps = 2, name = "Resentful Army, Jin camps", tag = "yuanjun" }
unit { type = "yuanjun", faction = "liao", at = "yizhou_lx", steps = 2, name = "Resentful Army, Yi camps", tag = "yuanjun" }
unit { type = "khitan_heavy_cavalry", faction = "liao", at = "nanjing", steps = 2,
       leader = "tianzuo", name = "Imperial guard", tag = "tianzuo_guard", exp = 100 }
unit { type = "levy", faction = "liao", at = "nanjing", steps = 2,
       leader = "xiao_fengxian", name = "Court troops", tag = "court" }
unit { type = "khitan_horse_archers", faction = "liao", at = "nanjing", steps = 1,
       leader = "aoluwo", name = "Prince Jin's household", tag = "aoluwo" }
unit { type = "han_infantry", faction = "liao", at = "nanjing", steps = 3,
       leader = "yelu_chun", name = "Yan garrison", tag = "chun_army" }
unit { type = "khitan_horse_archers", faction = "liao", at = "juyong", steps = 1,
       leader = "yelu_dashi", name = "Dashi's horse", tag = "dashi_horse" }
unit { type = "levy", faction = "liao", at = "xijing", steps = 2, name = "Xijing garrison", tag = "xijing" }

-- ---------------------------------------------------------------- victory
victory { faction = "jin", type = "score", value = 8,
          text = "Jin: 8 points at the end (Zhongjing 5; Gaozhou, Zezhou, Bei'anzhou 1 each; Yudu with the Jin 1; Yanjing 3; Tianzuo 5)" }
victory { faction = "liao", type = "hold", place = "zhongjing",
          text = "Liao: keep the Jin below 8 points - hold the Central Capital" }

-- 1121 was a lull: the Jin held what they had until Aguda named Xieye to command in m.12.
gyr.ai_goal { faction = "jin", type = "hold", place = "xianzhou_beizhen", weight = 6 }
gyr.ai_goal { faction = "jin", type = "hold", place = "shangjing", weight = 4 }
gyr.ai_goal { faction = "liao", type = "hold", place = "zhongjing", weight = 10 }
gyr.ai_goal { faction = "liao", type = "hold", place = "nanjing", weight = 6 }
gyr.ai_goal { faction = "liao", type = "protect_leader", place = "nanjing", weight = 6 }

-- ---------------------------------------------------------------- the story
local T_SUMMER = turn_of(1121, 7, 1)       -- JS: Yudu "had planned to come this summer"
local T_OFFENSIVE = turn_of(1122, 1, 10)   -- m.12 1121: Xieye C-in-C, Yudu vanguard
local T_FALL = turn_of(1122, 2, 23)        -- m.1, 15th day 1122: Zhongjing falls (LS)
local yudu_with_jin = false
local fengxian_trusted = true
local zhongjing_fell = false
local tianzuo_fled = false

-- Yudu goes over with his troops and is allowed to keep them.
local function yudu_defects(reason)
  if yudu_with_jin or not once("yudu") then return end
  if defect_tag("yudu_troops", "liao", "jin") then
    yudu_with_jin = true
    gyr.message { text = "Yelü Yudu goes over to the Jin with his horsemen, households and carts. The pursuers let him go at Lüshan. " .. reason,
                  note = "LS: m.1 1121, 1,000+ horse; JS: 3,000 households, 5,000 carts and 'we had planned to come this summer'. JS implies he arrived later in 1121." }
    gyr.ai_goal { faction = "jin", type = "take", place = "gaozhou", weight = 4 }
  end
end

-- Lady Wen's plot is uncovered (a choice for the Liao side).
local function lady_wen()
  gyr.choice { faction = "liao",
    question = "Xiao Fengxian accuses Lady Wen, Yelü Yudu and their circle of plotting to crown Prince Aoluwo. Whom does Tianzuo believe?",
    options = { "Xiao Fengxian: Lady Wen must die (as Tianzuo did)", "Lady Wen: dismiss Xiao Fengxian" }, ai_default = 1,
    on_answer = function(option)
      if option == 1 then
        gyr.message { text = "Lady Wen is forced to take her own life; her sister's husband and friends are executed.",
                      note = "LS: m.1 1121. The plot was uncovered by Xiao Fengxian, whose sister Lady Yuan hoped for her own son." }
        if gyr.chance(85) then
          yudu_defects("Fearing for his life, he had no choice.")
        else
          try(gyr.capture_leader, "yelu_yudu")
          gyr.message { text = "Yudu is caught at Lüshan before he can reach the Jin.", note = "Counterfactual: the pursuers let him go." }
          if alive("yudu_troops", "liao") then
            gyr.desert { faction = "liao", tag = "yudu_troops", steps = 1 }
            defect_tag("yudu_troops", "liao", "jin", "Without their general, Yudu's officers ride on to the Jin with what is left of his men.",
                       "JS: Yudu brought 3,000 households and 5,000 carts; here his people go without him.")
          end
        end
      else
        fengxian_trusted = false
        gyr.message { text = "Tianzuo refuses to believe the accusation and sends Xiao Fengxian away from court. Yudu stays - for now.",
                      note = "Counterfactual: Tianzuo believed Fengxian." }
      end
    end }
end

-- The Resentful Army's Southeast-route mutiny at Jinzhou.
local function yuanjun_mutiny()
  if not once("mutiny") then return end
  local note = "c.1120–21 (?): put down by Yudu and Xiao Gan; Guo Yaoshi killed the ringleaders and the survivors became the Ever-Victorious Army."
  gyr.create_faction { id = "mutineers", name = "Resentful Army mutineers", hanzi = "怨軍",
                       color = 0x56B4E9, emblem = "broken_bow", at_war_with = { "liao", "jin" },
                       text = "The Resentful Army of the Southeast route mutinies.", note = note }
  local us = gyr.units { faction = "liao", tag = "yuanjun" }
  if #us > 0 then
    gyr.defect { unit = us[1], to = "mutineers", text = "A camp of the Resentful Army kills its officers and goes over to the mutiny.",
                 note = "Novel paraphrase of LS/QDGZ (?): the army of famine refugees mutinied repeatedly, c.1119-1121." }
  end
  gyr.rebellion { place = "jinzhou", faction = "mutineers", units = { { type = "levy", steps = 2 } },
                  text = "The mutineers besiege Jinzhou.", note = note }
  gyr.ai_goal { faction = "mutineers", type = "take", place = "jinzhou", weight = 8 }
end

-- Tianzuo runs for the steppe and, hearing Yudu is coming, has his son killed.
local function tianzuo_flees(reason)
  if tianzuo_fled or not once("flight") then return end
  tianzuo_fled = true
  gyr.message { text = "Tianzuo leaves Yanjing through the Juyong Pass for Yuanyang lake. " .. reason,
                note = "LS: m.1 1122. He fled on with 5,000+ guard cavalry to Yunzhong and lost the imperial seal in the Sanggan." }
  gyr.ai_goal { faction = "liao", type = "flee_to", place = "yuanyang", weight = 10 }
  if yudu_with_jin then
    try(gyr.kill_leader, "aoluwo")
    gyr.message { text = "Told that Yudu leads the Jin to put Aoluwo on the throne, Tianzuo has his own son, the Prince of Jin, put to death.",
                  note = "LS: m.1 1122." }
  end
end

-- Without Yudu, someone else opens the way: a prefect of the Xi country, or a camp of troops.
local function someone_defects()
  local note = "LS: the Jin took Gaozhou, Enzhou and Huihe in m.1 1122; prefects and camps went over throughout 1121-1122."
  for _, id in ipairs({ "gaozhou", "zezhou", "beianzhou", "yizhou_lx", "jinzhou", "pingzhou" }) do
    if gyr.owner(id) == "liao" then
      gyr.set_place_owner(id, "jin", { text = "Without Yudu to guide them the Jin find another friend: the prefect of " ..
                                               gyr.place_info(id).name .. " opens his gates.", note = note })
      defect_tag(id, "liao", "jin")
      return
    end
  end
  for _, tag in ipairs({ "gaozhou", "yuanjun", "xi_cav", "court", "chun_army" }) do
    local us = gyr.units { tag = tag, faction = "liao" }
    if #us > 0 then
      gyr.defect { unit = us[#us], to = "jin", text = "A Liao commander, despairing of the court, goes over to the Jin with his men.", note = note }
      return
    end
  end
end

local tianzuo_free_at_start = nil
-- 1121: the Jin wait for their Song allies, as agreed in 1120 (a choice for the Jin side).
local waiting = false
local jin_penalty = 0
-- Asks the Jin whether to wait for the Song; waiting is an armed truce until m.12 1121.
local function wait_for_song()
  gyr.choice { faction = "jin",
    question = "The joint attack with the Song was put off to this year, and the Song are late. Wait for them?",
    options = { "Wait for the Song (as Aguda did)", "Strike now without them" }, ai_default = 1,
    on_answer = function(option)
      if option == 1 then
        waiting = true
        gyr.set_relation("jin", "liao", "neutral", {
          text = "Aguda keeps his armies in their camps and waits for the Song. The frontier is quiet; the Liao court turns on itself.",
          note = "Song-based secondary: after the epidemic of 1120 the joint attack was deferred; 1121 saw no Jin campaign." })
      else
        jin_penalty = 2
        gyr.message { text = "Aguda strikes without waiting for the Song, who will call it a breach of the alliance (2 points).",
                      note = "Counterfactual: the Jin waited until m.12 1121." }
      end
    end }
end

on("turn_start", function(ev)
  if not ev.first then return end   -- once a turn, before the first side moves
  local t = ev.turn
  if tianzuo_free_at_start == nil then tianzuo_free_at_start = gyr.leader_state("tianzuo") == "active" end
  if t == 1 and once("plot") then
    lady_wen()
    wait_for_song()
  end
  -- A Yudu left at court still goes over when the Jin are winning or when summer comes.
  if not yudu_with_jin and not happened("yudu") and t >= T_SUMMER and gyr.chance(fengxian_trusted and 60 or 25) then
    yudu_defects("He had planned to come 'this summer' all along.")
  end
  if t >= 2 and gyr.chance(20) then yuanjun_mutiny() end
  if t >= 8 then yuanjun_mutiny() end
  if t >= T_OFFENSIVE and once("offensive") then
    if waiting then
      waiting = false
      gyr.set_relation("jin", "liao", "war", { text = "The Song are still busy with Fang La; Aguda will wait no longer.",
                                               note = "(m): Fang La's rebellion tied down Tong Guan's army from m.10 1120 to m.4 1121." })
    end
    local target = zhongjing_fell and "Yanjing" or "the Central Capital"
    gyr.message { text = "Aguda names his brother Xieye commander-in-chief for the march on " .. target ..
                         (yudu_with_jin and ", with Yelü Yudu as vanguard and guide." or "."),
                  note = "(secondary): m.12 1121; Pujianu and Nianhan deputies (m); Gao/Xieye confirmed in XCB-SB." }
    gyr.ai_goal { faction = "jin", type = "take", place = "zhongjing", weight = 12 }
    gyr.ai_goal { faction = "jin", type = "take", place = "zezhou", weight = 4 }
    gyr.ai_goal { faction = "jin", type = "take", place = "beianzhou", weight = 3 }
    if zhongjing_fell then gyr.ai_goal { faction = "jin", type = "take", place = "nanjing", weight = 10 } end
    if not yudu_with_jin then someone_defects() end
  end
  -- The garrison of the Central Capital burns its stores and flees.
  if t >= T_OFFENSIVE + 1 and not zhongjing_fell and gyr.owner("zhongjing") == "liao"
     and alive("zhongjing_garrison", "liao") and gyr.chance(t >= T_FALL and 40 or 10) and once("burn") then
    gyr.desert { faction = "liao", tag = "zhongjing_garrison", steps = 1 }
    gyr.message { text = "At the approach of the Jin the garrison of the Central Capital burns its stores and runs.",
                  note = "LS, XCB-SB: 'burned its stores and fled without fighting', m.1 1122." }
  end
  if zhongjing_fell and tianzuo_fled and once("fengxian_end") then
    if fengxian_trusted then
      try(gyr.kill_leader, "xiao_fengxian")
      gyr.message { text = "Tired of Xiao Fengxian's schemes, which cost him his son, Tianzuo orders him to kill himself.",
                    note = "Summary: soon after the flight. (JS adds that Fengxian was caught by the Jin on the way and sent back.)" }
    else
      gyr.message { text = "Xiao Fengxian, long out of favour, dies in obscurity.", note = "Counterfactual." }
    end
  end
end)

on("place_captured", function(ev)
  if ev.place == "zhongjing" and ev.by == "jin" and once("zhongjing") then
    zhongjing_fell = true
    gyr.message { text = "The Central Capital falls to the Jin.",
                  note = "LS, XCB-SB: m.1, 15th day 1122 (≈23 Feb 1122), without resistance; then Zezhou." }
    tianzuo_flees("The Jin are at the Central Capital.")
    if not yudu_with_jin and once("capital_defector") then someone_defects() end
  elseif ev.place == "gaozhou" and ev.by == "jin" and gyr.chance(35) then
    if alive("zhongjing_garrison", "liao") and once("burn") then
      gyr.desert { faction = "liao", tag = "zhongjing_garrison", steps = 1 }
      gyr.message { text = "News of Gaozhou's fall empties the Central Capital: the garrison burns its stores and runs.",
                    note = "LS, XCB-SB: 'burned its stores and fled without fighting'." }
    end
  elseif ev.place == "nanjing" and ev.by == "jin" then
    tianzuo_flees("Yanjing itself is lost.")
  end
end)

on("battle", function(ev)
  local winner = ev.attacker_won and ev.attacker_faction or ev.defender_faction
  local loser = ev.attacker_won and ev.defender_faction or ev.attacker_faction
  if winner == "jin" and loser == "liao" and not yudu_with_jin and not happened("yudu") and gyr.chance(25) then
    yudu_defects("The Jin are winning, and the court suspects him still.")
  end
  if winner == "liao" and loser == "mutineers" and once("mutiny_down") then
    gyr.message { text = "The mutiny is put down; Guo Yaoshi kills the ringleaders and the survivors become the Ever-Victorious Army.",
                  note = "(?): 2,000 men in 4 camps under Guo Yaoshi, Zhang Lingwei, Liu Shunren and Zhen Wuchen; 6,000 dispersed." }
  end
end)

on("turn_end", function(ev)
  if gyr.turn() ~= TURNS then return end
  local pts = -jin_penalty
  local vp = { zhongjing = 5, gaozhou = 1, zezhou = 1, beianzhou = 1, nanjing = 3 }
  for _, id in ipairs({ "zhongjing", "gaozhou", "zezhou", "beianzhou", "nanjing" }) do
    if gyr.owner(id) == "jin" then pts = pts + vp[id] end
  end
  if alive("yudu_troops", "jin") then pts = pts + 1 end
  if tianzuo_free_at_start and gyr.leader_state("tianzuo") ~= "active" then pts = pts + 5 end
  if pts >= 8 then
    gyr.victory("jin", "Jin victory: " .. pts .. " points - " ..
                (gyr.owner("zhongjing") == "jin" and "the Central Capital is Jin" or "the Xi country and Yanjing are Jin"))
  else
    gyr.victory("liao", "Liao victory: the Jin held to " .. pts .. " points (history made 9)")
  end
end)
