-- huanglong1115.lua - the first year of the Great Jin, autumn and winter 1115: Huanglong falls,
-- Emperor Tianzuo's great army crosses the Songhua, Yelü Zhangnu's plot turns deserters into
-- rebels, Prince Chun refuses the throne, and Aguda catches the retreat at Hubudagang.

-- ---------------------------------------------------------------- calendar helpers
local START = { year = 1115, month = 8, day = 22 }   -- m.8, 1st day of 1115 (Julian)
local TURN_DAYS, TURNS = 10, 16                       -- to 30 Jan 1116

-- Shared helpers (scripts/lib/history.lua): dates to turns, events that fire once, refusals
-- swallowed, and questions about factions and units.
local H = gyr.include("history")
local turn_of, once, happened, try = H.turn_of, H.once, H.happened, H.try
local alive, avg_cohesion, defect_tag = H.alive, H.avg_cohesion, H.defect_tag

-- ---------------------------------------------------------------- the scenario
scenario {
  id = "huanglong1115", title = "Huanglong and the Emperor's Winter Offensive", years = "1115",
  start = START, turn_days = TURN_DAYS, turns = TURNS,
  map = "theatre",
  sides = { "jin", "liao" },
  briefing = [[
On the first day of 1115 (28 January) Aguda proclaimed himself emperor of the Great Jin (大金),
"gold" after the Anchuhu river, and sent back the Liao letters that still called him by his
name. His men beat a Liao army at Daluguchang in the spring and rested through the summer
heat. Now, in the 8th month, he rides for Huanglong (黃龍府), the fortress that commands the
Liao northeast, fording the Huntong with the water up to the horses' bellies.

Emperor Tianzuo (天祚帝) has decided to end the rising himself. From Changchun prefecture he sets
out with the largest army the Liao have raised in a generation - over 100,000 "Fan and Han"
troops with months of grain, a 20,000-man vanguard under Xiao Fengxian and Yelü Zhangnu, the
noble "hard army", and a Chinese column of 30,000. The Jin have perhaps 20,000.

But the Liao court is rotten. Khitan nobles despair of Tianzuo and talk of his uncle, Prince
Chun (耶律淳), who holds the Supreme Capital.

Scale: one step is about 2,500 fighting men (a Liao trooper rode with a forager and a camp
guard, so the field army counted perhaps a third of its men as fighters). Ten-day turns,
22 Aug 1115 to 29 Jan 1116.]],
  briefing_jin = [[
You are Aguda, emperor of the Great Jin since spring. Take Huanglong before the Liao host
arrives, then survive it: the Liao are many and slow, you are few and fast. Their army will
break if you win battles, and the court behind it may break first.
Victory: 7 points (what Aguda achieved) - Huanglong taken 3 (even if lost again) and 1 more
if held at the end, Ningjiang 2 held at the end, and 1 for each battle won (up to 4); losing
Aguda costs 5.]],
  briefing_liao = [[
You are Emperor Tianzuo. Relieve Huanglong, cross the Songhua, and crush the upstart before
winter is out. Watch your own camp: Yelü Zhangnu and the nobles of the vanguard talk of a
new emperor, and when the plot breaks you must decide whether to turn back.
Taking Aguda costs the Jin 5 points.
Victory: keep the Jin below 7 points at the end.]],
}

-- ---------------------------------------------------------------- factions and places
faction { id = "jin", name = "Great Jin", hanzi = "大金", color = 0xE69F00, emblem = "sun", playable = true }
faction { id = "liao", name = "Khitan Liao", hanzi = "遼", color = 0x0072B2, emblem = "wolf", playable = true }
relation("jin", "liao", "war")
-- The neighbours stand aside: their towns are not for the taking in this scenario.
H.neutral_neighbours("jin", "liao")

place("huining",          { owner = "jin",  vp = 0, supply = true })
place("ningjiang",        { owner = "jin",  vp = 2, supply = true })
place("chuhedian",        { owner = "jin",  vp = 0 })
place("binzhou",          { owner = "jin",  vp = 0, supply = true })
place("xiangzhou",        { owner = "jin",  vp = 0 })
place("xianzhou_kaiyuan", { owner = "jin",  vp = 0, supply = true })
place("daluguchang",      { owner = "jin",  vp = 0 })
place("deshengtuo",       { owner = "jin",  vp = 0 })
place("hubudagang",       { owner = "jin",  vp = 0 })
place("huanglong",        { owner = "liao", vp = 4, supply = true })
place("changchun",        { owner = "liao", vp = 0, supply = true })
place("taizhou",          { owner = "liao", vp = 0, supply = true })
place("shangjing",        { owner = "liao", vp = 0, supply = true })
place("qingzhou",         { owner = "liao", vp = 0, supply = true })
place("dongjing",         { owner = "liao", vp = 0, supply = true })
place("guangping",        { owner = "liao", vp = 0 })

-- ---------------------------------------------------------------- leaders
leader { id = "aguda",        name = "Wanyan Aguda",    hanzi = "完顏阿骨打", rating = 3, faction = "jin" }
leader { id = "loushi",       name = "Wanyan Loushi",   hanzi = "完顏婁室",   rating = 2, faction = "jin" }
leader { id = "zonggan",      name = "Wanyan Zonggan",  hanzi = "完顏宗幹",   rating = 1, faction = "jin" }
leader { id = "nianhan",      name = "Nianhan",         hanzi = "粘罕",       rating = 2, faction = "jin" }
leader { id = "xiao_hudugu",  name = "Xiao Hudugu",     hanzi = "蕭胡睹姑",   rating = 1, faction = "liao" }
leader { id = "yelu_chun",    name = "Yelü Chun, Prince of Wei", hanzi = "耶律淳", rating = 1, faction = "liao" }

-- ---------------------------------------------------------------- order of battle
-- Jin: about 20,000 at Hubudagang (JS, (m)) = 8 steps, with Bohai and registered-Jurchen
-- auxiliaries who joined after Chuhedian.
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "xiangzhou", steps = 3,
       leader = "aguda", name = "Aguda's armoured men", tag = "aguda_guard", exp = 100 }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "binzhou", steps = 2,
       leader = "loushi", name = "Loushi's mouke", tag = "loushi_mouke", exp = 100 }
unit { type = "jurchen_horse_archers", faction = "jin", at = "ningjiang", steps = 1,
       leader = "zonggan", name = "Zonggan's riders", tag = "zonggan_riders" }
unit { type = "jurchen_horse_archers", faction = "jin", at = "daluguchang", steps = 2,
       leader = "nianhan", name = "Nianhan's horse", tag = "nianhan_army" }
unit { type = "bohai_infantry", faction = "jin", at = "xianzhou_kaiyuan", steps = 1,
       name = "Bohai auxiliaries", tag = "auxiliaries" }
unit { type = "levy", faction = "jin", at = "huining", steps = 1,
       name = "Wuqimai's home guard", tag = "home" }

-- Liao: Huanglong's garrison.
unit { type = "han_infantry", faction = "liao", at = "huanglong", steps = 1,
       name = "Huanglong garrison", tag = "huanglong_garrison", cohesion = 70 }
unit { type = "levy", faction = "liao", at = "huanglong", steps = 1,
       name = "Five Nations command levies", tag = "huanglong_garrison", cohesion = 60 }
-- Tianzuo's northern column (LS, QDGZ) sets out from Changchun in m.8 but reaches the Songhua
-- only in m.10-11: it enters play then (see ARMY below). The Xi horse are already at Taizhou.
unit { type = "xi_cavalry", faction = "liao", at = "taizhou", steps = 2,
       name = "Xi horse", tag = "xi_cav" }
-- The southern column: 30,000 Chinese foot and horse under Xiao Hudugu and Chai Yi (QDGZ).
unit { type = "han_infantry", faction = "liao", at = "dongjing", steps = 3,
       leader = "xiao_hudugu", name = "Southern column (Chinese)", tag = "south" }
unit { type = "han_militia", faction = "liao", at = "dongjing", steps = 3,
       name = "Zhang Lin's levy", tag = "south" }
-- Prince Chun at the Supreme Capital.
unit { type = "levy", faction = "liao", at = "shangjing", steps = 2,
       leader = "yelu_chun", name = "Shangjing guard", tag = "chun_army" }

-- ---------------------------------------------------------------- victory
victory { faction = "jin", type = "score", value = 7,
          text = "Jin: 7 points by the end (Huanglong taken 3, held 1 more; Ningjiang held 2; 1 per battle won up to 4; Aguda lost -5)" }
victory { faction = "liao", type = "hold", place = "huanglong",
          text = "Liao: keep the Jin below 7 points (holding Huanglong is the surest way)" }

gyr.ai_goal { faction = "jin", type = "take", place = "huanglong", weight = 10 }
gyr.ai_goal { faction = "jin", type = "hold", place = "ningjiang", weight = 5 }
gyr.ai_goal { faction = "jin", type = "protect_leader", leader = "aguda", weight = 8 }
gyr.ai_goal { faction = "liao", type = "hold", place = "huanglong", weight = 10 }
gyr.ai_goal { faction = "liao", type = "take", place = "ningjiang", weight = 6 }

-- ---------------------------------------------------------------- the story
local T_ARRIVE = turn_of(1115, 10, 20)     -- m.9 ends: the great army nears the Songhua
local T_TUOMEN = turn_of(1115, 11, 18)     -- m.11: Tianzuo at Tuomen (JS)

-- The northern column: guard and hard army, the main army in five divisions, the vanguard of
-- Xiao Fengxian and Zhangnu. LS/QDGZ: 100,000+ "Fan and Han", a 20,000 vanguard, 1,000 hard
-- army; JS claims 700,000. Here the fighting men, a third of the whole.
local ARMY = {
  { at = "changchun", units = { { type = "khitan_heavy_cavalry", steps = 2, tag = "tianzuo_guard" },
                                { type = "khitan_heavy_cavalry", steps = 2, tag = "ordo_horse" },
                                { type = "khitan_horse_archers", steps = 2, tag = "main", cohesion = 80 } } },
  { at = "chuhedian", units = { { type = "khitan_heavy_cavalry", steps = 3, tag = "zhangnu" },
                                { type = "khitan_horse_archers", steps = 2, tag = "vanguard" } } },
  { at = "taizhou",   units = { { type = "khitan_horse_archers", steps = 2, tag = "main", cohesion = 80 },
                                { type = "levy", steps = 3, tag = "main", cohesion = 50 } } },
}
-- Puts a new leader in command of the first unit of the faction with the tag that has none.
local function command(tag, leader)
  for _, u in ipairs(gyr.units { tag = tag, faction = "liao" }) do
    if not u.leader then
      leader.faction = "liao"
      leader.unit = u
      gyr.add_leader(leader)
      return
    end
  end
end
-- The northern column enters play around Changchun, Chuhedian and Taizhou, with its commanders.
local function army_arrives()
  if not once("army") then return end
  for i, grp in ipairs(ARMY) do
    gyr.reinforce { faction = "liao", at = grp.at, units = grp.units, radius = 3,
                    text = i == 1 and "Emperor Tianzuo's great army reaches the Songhua: the guard, the ordo horse, five divisions and the vanguard." or nil,
                    note = i == 1 and "LS, QDGZ: over 100,000 Fan and Han troops with months of grain, a 20,000 vanguard, the 1,000-man hard army; JS claims 700,000." or nil }
  end
  command("tianzuo_guard", { id = "tianzuo", name = "Emperor Tianzuo", hanzi = "天祚帝", rating = 1 })
  command("vanguard", { id = "xiao_fengxian", name = "Xiao Fengxian", hanzi = "蕭奉先", rating = 1 })
  command("zhangnu", { id = "zhangnu", name = "Yelü Zhangnu", hanzi = "耶律章奴", rating = 2 })
  gyr.ai_goal { faction = "liao", type = "take", place = "huanglong", weight = 10 }
  gyr.ai_goal { faction = "liao", type = "hunt_leader", leader = "aguda", weight = 6 }
end
local T_PLOT_LAST = turn_of(1115, 12, 18)  -- m.12: by now Zhangnu has gone
local battles_won = { jin = 0, liao = 0 }
local jin_battle_pts = 0
local jin_penalty = 0

-- Aguda killed or taken: his brother Wuqimai takes over, and the Jin are set back.
local function aguda_check()
  if H.aguda_lost("The emperor of the Jin is lost! His brother Wuqimai (吳乞買), the heir, takes command.",
                  "Counterfactual: Aguda led at Hubudagang and lived until 1123; Wuqimai (Taizong) succeeded him then (JS).") then
    jin_penalty = 5
  end
end
local turned_back = false
local plot_turn = nil

-- Prince Chun at Shangjing hears the plotters' messengers.
local function chun_decides()
  local p_refuse = turned_back and 90 or 70
  if gyr.chance(p_refuse) then
    gyr.message { text = "Prince Chun refuses the throne and beheads Zhangnu's messengers. The rebels turn to plundering the Supreme Capital district.",
                  note = "Summary and LS: Chun refused to take part and beheaded the messengers." }
  else
    defect_tag("chun_army", "liao", "rebels")
    gyr.set_place_owner("shangjing", "rebels")
    gyr.message { text = "Prince Chun accepts the rebels' offer and is proclaimed at the Supreme Capital! The Liao empire has two emperors.",
                  note = "Counterfactual: Chun refused in 1115; he was proclaimed emperor only in 1122, at the Southern Capital." }
  end
end

-- Tianzuo's answer to the plot: a choice for the Liao side.
local function ask_turn_back()
  gyr.choice { faction = "liao",
    question = "Zhangnu has deserted to put Prince Chun on the throne. Turn back to secure the Supreme Capital?",
    options = { "Turn back (as Tianzuo did)", "Press on against the Jin" }, ai_default = 1,
    on_answer = function(option)
      if option == 1 then
        turned_back = true
        gyr.message { text = "Tianzuo turns his army back towards the Supreme Capital. The Jin follow.",
                      note = "His turning back exposed the army at Hubudagang (summary)." }
        gyr.ai_goal { faction = "liao", type = "flee_to", place = "changchun", weight = 8 }
        try(gyr.ai_goal, { faction = "jin", type = "hunt_leader", leader = "tianzuo", weight = 8 })
      else
        gyr.message { text = "Tianzuo presses on. Nobles slip away from the camp at night.",
                      note = "Counterfactual: Tianzuo turned back." }
        if alive("main", "liao") then gyr.desert { faction = "liao", tag = "main", steps = 1 } end
      end
      chun_decides()
    end }
end

-- Yelü Zhangnu's plot: the vanguard's nobles desert to make Prince Chun emperor.
local function zhangnu_plot(reason)
  if not once("plot") then return end
  plot_turn = gyr.turn()
  gyr.create_faction { id = "rebels", name = "Zhangnu's rebels", hanzi = "章奴叛軍",
                       color = 0x999999, emblem = "broken_bow", at_war_with = { "liao" },
                       text = "Yelü Zhangnu and the nobles of the vanguard desert the army to enthrone Prince Chun. " .. reason,
                       note = "LS, summary: late 1115 (months ?); Zhangnu sent messengers to Chun at Shangjing. JS: the plot made Tianzuo turn back." }
  gyr.set_relation("rebels", "jin", "neutral")
  -- The nobles go with Zhangnu; if his own men are gone, part of the vanguard or the army does.
  local _ = defect_tag("zhangnu", "liao", "rebels") or defect_tag("vanguard", "liao", "rebels")
    or defect_tag("xi_cav", "liao", "rebels") or defect_tag("main", "liao", "rebels")
  gyr.rebellion { place = "qingzhou", faction = "rebels",
                  units = { { type = "khitan_horse_archers", steps = 1 }, { type = "levy", steps = 2 } },
                  text = "Malcontents of the Qingzhou hunting grounds join the rebels.",
                  note = "LS: the rebels plundered the Shangjing district." }
  gyr.ai_goal { faction = "rebels", type = "take", place = "shangjing", weight = 10 }
  ask_turn_back()
end

on("turn_start", function(ev)
  if not ev.first then return end   -- once a turn, before the first side moves
  local t = ev.turn
  aguda_check()
  once("started")   -- from now on a lost Aguda was lost in this scenario
  if t == 1 and once("proclaim") then
    gyr.message { text = "Since New Year Aguda is emperor of the Great Jin, era Shouguo; he sends back Liao letters that do not use his title and demands the Liao leave Huanglong.",
                  note = "JS: enthroned 1 m.1 1115 = 28 Jan 1115; the name Jin 'gold' from the Anchuhu. Daluguchang won at the end of m.1 (JS claims 270,000 Liao)." }
    gyr.message { text = "Tianzuo sets out from Changchun prefecture with his army and months of grain.",
                  note = "QDGZ: m.8 1115. LS/QDGZ give the order of battle; JS claims 700,000." }
  end
  if t == 2 and once("ford") then
    gyr.message { text = "The Jin ford the Huntong on horseback, the water up to the horses' bellies.",
                  note = "Legend in the Jin accounts, m.8–9 1115 (m)." }
  end
  if t >= T_ARRIVE then army_arrives() end
  if t >= T_TUOMEN and once("tuomen") then
    gyr.message { text = "The 11th month: the Songhua freezes. Tianzuo's host stands at Tuomen; Xiao Temo and Xiao Chala at Wolin lake.",
                  note = "JS: m.11 1115, claimed figures 700,000 and 450,000. Tuomen and Wolin lake are not located." }
    gyr.ai_goal { faction = "liao", type = "take", place = "ningjiang", weight = 8 }
  end
  -- A tired, hungry winter army melts away (low cohesion).
  if happened("army") and avg_cohesion { faction = "liao", tag = "main" } < 50 and gyr.chance(50) then
    gyr.desert { faction = "liao", tag = "main", steps = 1, count = 1,
                 text = "Cold and hunger: levies of the great army slip away home in the night.",
                 note = "LS, QDGZ: the army carried 'several months' grain'; the winter of 1115 wore it down (m)." }
  end
  if t >= T_TUOMEN and plot_turn == nil then
    if (battles_won.jin > battles_won.liao or avg_cohesion { faction = "liao" } < 50) and gyr.chance(50) then
      zhangnu_plot("The army has been beaten and the nobles blame the emperor.")
    elseif gyr.chance(30) then
      zhangnu_plot("The nobles have lost faith in Tianzuo and Xiao Fengxian.")
    elseif t >= T_PLOT_LAST then
      zhangnu_plot("In the 12th month the conspirators move.")
    end
  end
  -- Zhangnu's end: taken trying to reach the Jin disguised as a messenger (early 1116).
  if plot_turn and t >= plot_turn + 2 and gyr.chance(40) and once("zhangnu_end") then
    local note = "Summary and LS: crushed early 1116 by 'a small group of Liao-affiliated Jurchens'; more than 200 implicated nobles executed."
    if alive("zhangnu", "rebels") then
      gyr.desert { faction = "rebels", tag = "zhangnu", steps = 1, text = "Loyal Jurchens in Liao service scatter the rebels.", note = note }
    end
    if not try(gyr.capture_leader, "zhangnu", { text = "Zhangnu is caught trying to reach the Jin disguised as a messenger, and executed with 200 nobles.", note = note }) then
      gyr.message { text = "The plot is over: more than 200 nobles who had a part in it are executed and their families enslaved.", note = note }
    end
  end
end)

local huanglong_taken = false   -- the Jin took Huanglong at some time
on("place_captured", function(ev)
  if ev.place == "huanglong" and ev.by == "jin" and once("huanglong") then
    huanglong_taken = true
    gyr.message { text = "Huanglong falls to the Jin. The headquarters of the Liao northeast, and its stores, are in Jin hands.",
                  note = "JS: m.9 1115 (≈20 Sep–18 Oct). Loushi is credited with the siege (m)." }
    if alive("south", "liao") then gyr.desert { faction = "liao", tag = "south", steps = 1 } end
  elseif ev.place == "shangjing" and ev.by == "rebels" and once("sj_rebels") then
    gyr.message { text = "Zhangnu's rebels plunder the Supreme Capital.", note = "LS: they plundered the Shangjing district." }
  end
end)

on("battle", function(ev)
  aguda_check()
  local winner = ev.attacker_won and ev.attacker_faction or ev.defender_faction
  local loser = ev.attacker_won and ev.defender_faction or ev.attacker_faction
  if not ((winner == "jin" and loser == "liao") or (winner == "liao" and loser == "jin")) then return end
  battles_won[winner] = battles_won[winner] + 1
  if winner == "jin" and jin_battle_pts < 4 then
    gyr.score("jin", 1)
    jin_battle_pts = jin_battle_pts + 1
  end
  if winner == "jin" and turned_back and once("hubudagang") then
    gyr.message { text = "At Hubudagang the Jin catch the withdrawing Liao host and rout it. The baggage train is lost.",
                  note = "Battle of Hubudagang, m.12 1115 (m); Aguda had about 20,000. Site disputed: W of Wuchang or N of the Songhua." }
    if alive("main", "liao") then gyr.desert { faction = "liao", tag = "main", steps = 2 } end
  end
  if winner == "jin" and battles_won.jin == 3 and plot_turn == nil and gyr.turn() >= T_TUOMEN - 2 then
    zhangnu_plot("Three defeats have broken the nobles' patience.")
  end
end)

on("turn_end", function(ev)
  if gyr.turn() ~= TURNS then return end
  aguda_check()
  local pts = jin_battle_pts - jin_penalty
  -- Huanglong's fall, with its stores, counts even if the great army takes it back.
  if huanglong_taken then pts = pts + 3 end
  if gyr.owner("huanglong") == "jin" then pts = pts + 1 end
  if gyr.owner("ningjiang") == "jin" then pts = pts + 2 end
  if pts >= 7 then
    gyr.victory("jin", "Jin victory: " .. pts .. " points - Huanglong and the field, as in 1115")
  else
    gyr.victory("liao", "Liao victory: the Jin held to " .. pts .. " points (Aguda made 7 or more)")
  end
end)
