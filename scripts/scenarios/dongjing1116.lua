-- dongjing1116.lua - the Eastern Capital, 1116: Gao Yongchang's Bohai rising makes a new
-- state (Great Bohai, called Yuan in some sources) and asks the Jin for help; the Jin relief
-- beats the Liao, then turns on the rebels, and all the land east of the Liao river falls.

-- ---------------------------------------------------------------- calendar helpers
local START = { year = 1116, month = 1, day = 7 }    -- ten days before the rising (m.1, 1st night)
local TURN_DAYS, TURNS = 10, 18                       -- to 6 Jul 1116 (m.5)

-- Shared helpers (scripts/lib/history.lua): dates to turns, events that fire once, refusals
-- swallowed, and questions about factions and units.
local H = gyr.include("history")
local turn_of, once, happened, try = H.turn_of, H.once, H.happened, H.try
local exists, alive, avg_cohesion, defect_tag = H.exists, H.alive, H.avg_cohesion, H.defect_tag

-- ---------------------------------------------------------------- the scenario
scenario {
  id = "dongjing1116", title = "The Eastern Capital, 1116", years = "1116",
  start = START, turn_days = TURN_DAYS, turns = TURNS,
  map = "theatre",
  sides = { "jin", "liao" },
  briefing = [[
Winter 1116. The Liao army has fled from Hubudagang, and the Eastern Capital, Dongjing
Liaoyang (東京遼陽府), is full of Bohai (Balhae) soldiers who despise their Khitan governor,
Xiao Baoxian. On the night of the first day of the year a Bohai officer, Gao Yongchang
(高永昌), kills the governor, takes the city and proclaims himself emperor of the Great Bohai -
"Yuan" in some sources. Within a month fifty towns of Liaodong and perhaps 80,000 men are his.

The Liao send Zhang Lin (張琳) with 20,000 Liaodong refugees from Xianzhou. Gao, caught between
the Liao and the Jin, asks Aguda for help. Aguda sends Wolu (斡魯) - and Wolu, having beaten the
Liao, turns on Gao himself.

Scale: one step is about 2,500 men. Ten-day turns, 7 Jan to 6 Jul 1116.]],
  briefing_jin = [[
You command the Jin in the south. Gao Yongchang's rising is your chance: decide whether to
help him, and when to turn on him - once the question is put, it comes back every turn until
you answer it for good. Liaodong east of the Liao river is the prize - the Eastern
Capital, Shenzhou, and the towns and registered Jurchens of the peninsula.
Victory: 8 points at the end - Dongjing 4, Shenzhou 2, Haizhou, Kaizhou and Hesuguan 1 each,
1 if Gao Yongchang is taken. Towns held by an ally you kept faith with count half. Wolu took
all of it: 10.]],
  briefing_liao = [[
You hold the west bank of the Liao river and Shenzhou, and Zhang Lin's levy is mustering at
Xianzhou. Crush the Bohai rebels before the Jin come, or let the Jin and the rebels fight and
pick up what is left; a second army comes east from Liaoxi in the spring. Keep the Jin below
8 points and Liaodong is not lost.]],
}

-- ---------------------------------------------------------------- factions and places
faction { id = "jin", name = "Great Jin", hanzi = "大金", color = 0xE69F00, emblem = "sun", playable = true }
faction { id = "liao", name = "Khitan Liao", hanzi = "遼", color = 0x0072B2, emblem = "wolf", playable = true }
relation("jin", "liao", "war")
-- The neighbours stand aside: their towns are not for the taking in this scenario.
H.neutral_neighbours("jin", "liao")

-- The Songhua front, Jin since 1114-1115.
for _, id in ipairs({ "ningjiang", "chuhedian", "binzhou", "xiangzhou", "daluguchang", "deshengtuo", "hubudagang" }) do
  place(id, { owner = "jin" })
end
place("huining",          { owner = "jin",  vp = 0, supply = true })
place("huanglong",        { owner = "jin",  vp = 0, supply = true })
place("xianzhou_kaiyuan", { owner = "jin",  vp = 0, supply = true })
place("dongjing",         { owner = "liao", vp = 4, supply = true })
place("shenzhou",         { owner = "liao", vp = 2, supply = true })
place("haizhou",          { owner = "liao", vp = 1 })
place("kaizhou",          { owner = "liao", vp = 1 })
place("hesuguan",         { owner = "liao", vp = 1 })
place("baozhou",          { owner = "liao", vp = 0 })
place("xianzhou_beizhen", { owner = "liao", vp = 0, supply = true })
place("qianzhou",         { owner = "liao", vp = 0 })
place("jinzhou",          { owner = "liao", vp = 0, supply = true })
place("yizhou_lx",        { owner = "liao", vp = 0 })
place("jilishan",         { owner = "liao", vp = 0 })
place("zhongjing",        { owner = "liao", vp = 0, supply = true })

-- ---------------------------------------------------------------- leaders
leader { id = "aguda",         name = "Wanyan Aguda",    hanzi = "完顏阿骨打", rating = 3, faction = "jin" }
leader { id = "wolu",          name = "Wolu",            hanzi = "斡魯",       rating = 2, faction = "jin" }
leader { id = "loushi",        name = "Wanyan Loushi",   hanzi = "完顏婁室",   rating = 2, faction = "jin" }
leader { id = "xiao_baoxian",  name = "Xiao Baoxian",    hanzi = "蕭保先",     rating = 1, faction = "liao" }
leader { id = "gao_yongchang", name = "Gao Yongchang",   hanzi = "高永昌",     rating = 1, faction = "liao" }
leader { id = "zhang_lin",     name = "Zhang Lin",       hanzi = "張琳",       rating = 1, faction = "liao" }

-- ---------------------------------------------------------------- order of battle
-- Jin: Wolu's relief column (numbers not found ?) at Xianzhou (咸州), Aguda at home.
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "xianzhou_kaiyuan", steps = 2,
       leader = "wolu", name = "Wolu's armoured horse", tag = "wolu_army", exp = 100 }
unit { type = "jurchen_horse_archers", faction = "jin", at = "xianzhou_kaiyuan", steps = 2,
       name = "Wolu's riders", tag = "wolu_army" }
unit { type = "bohai_infantry", faction = "jin", at = "xianzhou_kaiyuan", steps = 1,
       name = "Bohai auxiliaries", tag = "auxiliaries" }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "huanglong", steps = 2,
       leader = "loushi", name = "Loushi's mouke", tag = "loushi_mouke", exp = 100 }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "huining", steps = 3,
       leader = "aguda", name = "Aguda's armoured men", tag = "aguda_guard", exp = 200 }

-- Liao in Liaodong: the Bohai of Dongjing (2,000 Bohai horse at Baicaogu, Gao among them;
-- JS: Gao had 3,000 at Badankou), the governor's guard, the towns.
unit { type = "bohai_infantry", faction = "liao", at = "dongjing", steps = 2,
       name = "Bohai garrison of Dongjing", tag = "dongjing_bohai" }
unit { type = "bohai_cavalry", faction = "liao", at = "dongjing", steps = 1,
       leader = "gao_yongchang", name = "Bohai horse of Baicaogu", tag = "dongjing_bohai" }
unit { type = "khitan_horse_archers", faction = "liao", at = "dongjing", steps = 1,
       leader = "xiao_baoxian", name = "Governor's guard", tag = "baoxian" }
unit { type = "han_infantry", faction = "liao", at = "shenzhou", steps = 2,
       name = "Shenzhou garrison", tag = "shenzhou" }
unit { type = "levy", faction = "liao", at = "haizhou", steps = 1, name = "Haizhou garrison", tag = "haizhou" }
unit { type = "levy", faction = "liao", at = "kaizhou", steps = 1, name = "Kaizhou garrison", tag = "kaizhou" }
unit { type = "tribal_horse_archers", faction = "liao", at = "hesuguan", steps = 1,
       name = "Registered Jurchens of Hesuguan", tag = "hesuguan" }
unit { type = "levy", faction = "liao", at = "baozhou", steps = 1, name = "Baozhou garrison", tag = "garrison" }
-- Zhang Lin's levy of Liaodong refugees, 20,000+ (secondary, citing QDGZ), at Xianzhou (顯州).
unit { type = "han_militia", faction = "liao", at = "xianzhou_beizhen", steps = 3,
       leader = "zhang_lin", name = "Zhang Lin's levy", tag = "zhanglin" }
unit { type = "levy", faction = "liao", at = "xianzhou_beizhen", steps = 3,
       name = "Refugee militia", tag = "zhanglin" }
unit { type = "han_infantry", faction = "liao", at = "qianzhou", steps = 2,
       name = "Qianzhou troops", tag = "zhanglin" }
unit { type = "khitan_horse_archers", faction = "liao", at = "jinzhou", steps = 2,
       name = "Khitan horse of Liaoxi", tag = "ordo_horse" }

-- ---------------------------------------------------------------- victory
victory { faction = "jin", type = "score", value = 8,
          text = "Jin: 8 points at the end (Dongjing 4, Shenzhou 2, Haizhou, Kaizhou, Hesuguan 1 each, Gao taken 1)" }
victory { faction = "liao", type = "hold", place = "shenzhou",
          text = "Liao: keep the Jin below 8 points (hold Shenzhou and retake Dongjing)" }

-- The Jin goals; allies of Gao gather round the Eastern Capital, and take it once they turn on him.
local function jin_goals(phase)
  gyr.clear_ai_goals("jin")
  gyr.ai_goal { faction = "jin", type = "take", place = "shenzhou", weight = 8 }
  gyr.ai_goal { faction = "jin", type = "take", place = "hesuguan", weight = 3 }
  if phase == "allied" then gyr.ai_goal { faction = "jin", type = "muster", place = "dongjing", weight = 10 } end
  if phase == "war" then gyr.ai_goal { faction = "jin", type = "take", place = "dongjing", weight = 10 } end
end
jin_goals()
gyr.ai_goal { faction = "liao", type = "take", place = "dongjing", weight = 10 }
gyr.ai_goal { faction = "liao", type = "hold", place = "shenzhou", weight = 8 }

-- ---------------------------------------------------------------- the story
local T_RISING = turn_of(1116, 1, 17)   -- night of m.1, 1st day (≈17 Jan 1116)
local T_ASK = turn_of(1116, 2, 25)      -- leap m.1: Gao asks the Jin for help
local T_TURN = turn_of(1116, 6, 1)      -- m.5: Wolu turns on Gao
local T_RELIEF = turn_of(1116, 4, 16)   -- the Liao send a second army (date not known: spring)
local EAST = { "haizhou", "kaizhou", "hesuguan" }
local NAME = { haizhou = "Haizhou (海州)", kaizhou = "Kaizhou (開州)", hesuguan = "Hesuguan (曷蘇館)" }
local allied, betrayed = false, false
local allied_turn = nil
local gao_taken = false
local jin_wins = 0

-- Liaodong submits to whoever holds the Eastern Capital after Gao's fall.
local function liaodong_submits(to)
  for _, id in ipairs(EAST) do
    if gyr.owner(id) ~= to then gyr.set_place_owner(id, to) end
  end
  if to == "jin" then
    defect_tag("hesuguan", "liao", "jin")
    gyr.message { text = "All Liaodong east of the Liao river, the registered Jurchens with it, submits to the Jin.",
                  note = "LS, JS: m.5 1116; the meng'an/mouke system extended to Liaodong." }
  end
end

-- Gao Yongchang's fall: he flees with 5,000 horse and is taken.
local function gao_falls(by)
  if not once("gao_falls") then return end
  try(gyr.capture_leader, "gao_yongchang")
  if by == "jin" then gao_taken = true end
  gyr.message { text = by == "jin" and "Gao Yongchang flees with 5,000 horse towards Changsong island; the Bohai chief Tabuye seizes him and hands him to the Jin. He is put to death."
                                     or "Gao Yongchang flees with 5,000 horse, but the Liao run him down. He is put to death.",
                note = "JS: m.5 1116, taken by Tabuye and killed. Changsong island is not located." }
  if alive(nil, "yuan") and gyr.chance(50) then
    local us = gyr.units { faction = "yuan" }
    gyr.defect { unit = us[1], to = by }
  end
end

-- The rising on the night of the first day of the year.
local function gao_rises()
  if not once("rising") then return end
  local note = "LS, JS: night of 1 m.1 1116 (≈17 Jan). Era Longji (QDGZ: Yingshun); 'Da Yuan' in some sources (?). JS: about 80,000 men within a month (here 7 steps of untrained men)."
  gyr.create_faction { id = "yuan", name = "Great Bohai (Yuan)", hanzi = "大渤海",
                       color = 0xCC79A7, emblem = "lotus", at_war_with = { "liao" },
                       text = "On the night of the first day of the year Gao Yongchang proclaims himself emperor of the Great Bohai at the Eastern Capital.", note = note }
  gyr.set_relation("yuan", "jin", "neutral")
  if alive("baoxian", "liao") then gyr.desert { faction = "liao", tag = "baoxian", steps = 1 } end
  try(gyr.kill_leader, "xiao_baoxian", { text = "Gao Yongchang's men kill the Khitan governor Xiao Baoxian.", note = note })
  defect_tag("dongjing_bohai", "liao", "yuan", "The Bohai soldiers of the Eastern Capital follow Gao Yongchang.", note)
  gyr.set_place_owner("dongjing", "yuan", { text = "The Eastern Capital is in Bohai hands.", note = note })
  gyr.rebellion { place = "dongjing", faction = "yuan",
                  units = { { type = "levy", steps = 3 }, { type = "levy", steps = 2 } },
                  text = "Bohai townsmen and peasants flock to the new emperor.", note = note }
  gyr.ai_goal { faction = "yuan", type = "hold", place = "dongjing", weight = 10 }
  gyr.ai_goal { faction = "yuan", type = "take", place = "shenzhou", weight = 4 }
end

-- A second Liao army comes east from Liaoxi, to the first town of the road still Liao.
local function liao_relief()
  if not once("relief") then return end
  for _, id in ipairs({ "xianzhou_beizhen", "jinzhou", "yizhou_lx", "zhongjing" }) do
    if gyr.owner(id) == "liao" then
      gyr.reinforce { faction = "liao", at = id,
                      units = { { type = "khitan_heavy_cavalry", steps = 3, tag = "relief", name = "Ordo horse of the relief" },
                                { type = "khitan_horse_archers", steps = 2, tag = "relief", name = "Tribal horse of the relief" } },
                      text = "The Liao court sends a second army east to win back Liaodong.",
                      note = "JS (Wolu's biography): in 1116 a Liao army of 60,000 attacked Zhaosan city (照散城, not located) and was beaten. Its strength here is a guess." }
      return
    end
  end
end

-- Wolu turns on his ally (a choice for the Jin side). Once it is due the question comes back
-- every turn until it is answered for good: the Jin pick their moment. The computer waits
-- until its army stands round the Eastern Capital and outnumbers the Bohai in and next to it
-- (or time runs short): Wolu beat Gao's army in the field before he took the city.
local betrayal_due, asked_on, kept_faith = nil, nil, false
local function jin_ready()
  if gyr.turn() >= TURNS - 6 then return true end
  local p = gyr.place_info("dongjing")
  local near = 0
  for _, u in ipairs(gyr.units { faction = "jin" }) do
    if H.hex_dist(u.q, u.r, p.q, p.r) <= 3 and u.cohesion >= 50 then near = near + u.steps end
  end
  local held = 0
  for _, u in ipairs(gyr.units { faction = "yuan" }) do
    if H.hex_dist(u.q, u.r, p.q, p.r) <= 1 then held = held + u.steps end
  end
  return near >= 5 and near > held
end

local function ask_betrayal(reason)
  if not allied or kept_faith or not allied_turn or gyr.turn() <= allied_turn or not exists("yuan") then return end
  betrayal_due = betrayal_due or reason
  if asked_on == gyr.turn() then return end
  asked_on = gyr.turn()
  gyr.choice { faction = "jin",
    question = "Gao Yongchang will not give up his imperial title. " .. reason .. " Turn on him?",
    options = { "Turn on Gao now (as Wolu did)", "Not yet: ask again next turn", "Keep faith with the Great Bohai" },
    ai_default = jin_ready() and 1 or 2,
    on_answer = function(option)
      if option == 1 then
        betrayed = true
        allied = false
        gyr.set_relation("jin", "yuan", "war")
        gyr.message { text = "The Jin turn on the Great Bohai and march on the Eastern Capital.",
                      note = "JS: Wolu beat Gao at the Woli-huo river and took Dongjing, m.5 1116." }
        jin_goals("war")
      elseif option == 3 then
        kept_faith = true
        jin_goals()
        gyr.message { text = "The Jin keep faith with Gao Yongchang. The Bohai hold Liaodong as Jin allies.",
                      note = "Counterfactual: the Jin destroyed the Yuan state within five months." }
      end
    end }
end

-- Gao asks the Jin for help (a choice for the Jin side).
local function gao_asks(reason)
  if not once("asks") then return end
  if not alive(nil, "yuan") then return end
  gyr.choice { faction = "jin",
    question = "Gao Yongchang asks the Jin for help against the Liao. " .. reason,
    options = { "Send the relief as his ally (as Aguda did)", "Demand that he submit first", "Let Bohai and Khitan bleed each other" },
    ai_default = 1,
    on_answer = function(option)
      if option == 1 then
        allied = true
        allied_turn = gyr.turn()
        jin_wins = 0
        gyr.set_relation("jin", "yuan", "alliance")
        jin_goals("allied")
        gyr.message { text = "Aguda sends Wolu to the Bohai's aid, demanding only that Gao drop the imperial title.",
                      note = "LS, JS: Gao asked for help; Aguda demanded he give up the title and submit (m)." }
      elseif option == 2 then
        if gyr.chance(30) then
          local us = gyr.units { faction = "yuan" }
          for i = 1, #us do gyr.defect { unit = us[i], to = "jin" } end
          gyr.set_place_owner("dongjing", "jin")
          gao_taken = true
          gyr.message { text = "Gao Yongchang submits: the Great Bohai and the Eastern Capital pass to the Jin without a fight.",
                        note = "Counterfactual: Gao refused to give up his title." }
        else
          betrayed = true
          gyr.set_relation("jin", "yuan", "war")
          gyr.message { text = "Gao Yongchang refuses to submit. Now the Jin, the Bohai and the Liao fight each other.",
                        note = "History: he refused the same demand, and the Jin destroyed him." }
          jin_goals("war")
        end
      else
        gyr.message { text = "Aguda answers nothing and waits for the Bohai and the Liao to exhaust each other.",
                      note = "Counterfactual." }
      end
    end }
end

on("turn_start", function(ev)
  if not ev.first then return end   -- once a turn, before the first side moves
  local t = ev.turn
  if t == 1 and once("intro") then
    gyr.message { text = "The Eastern Capital is restless: the Bohai soldiers posted against the Jurchens resent the Khitan governor.",
                  note = "LS: 2,000 Bohai cavalry at Baicaogu, Gao Yongchang among them (JS: 3,000 at Badankou)." }
  end
  if t >= T_RISING then gao_rises() end
  if happened("rising") and t > T_RISING and t <= T_RISING + 4 and gyr.chance(50) then
    -- Fifty towns of Liaodong go over to the new emperor.
    for _, id in ipairs(EAST) do
      if gyr.owner(id) == "liao" then
        local note = "LS: more than fifty walled towns of Liaodong joined him."
        gyr.set_place_owner(id, "yuan", { text = NAME[id] .. " goes over to Gao Yongchang.", note = note })
        defect_tag(id, "liao", "yuan", "The garrison of " .. NAME[id] .. " joins the Bohai.", note)
        break
      end
    end
  end
  if t == T_RISING + 1 and once("zhanglin") then
    gyr.message { text = "Zhang Lin raises 20,000 and more of the Liaodong refugees and marches from Xianzhou (顯州) on Shenzhou.",
                  note = "Secondary citing QDGZ: 20,000+; they were beaten crossing the Taizi river." }
  end
  if t >= T_ASK then gao_asks("The Liao are closing in.") end
  if t >= T_RELIEF then liao_relief() end
  -- Raw levies of the Great Bohai go home when their morale breaks (low cohesion).
  if exists("yuan") and avg_cohesion { faction = "yuan", type = "levy" } < 40 and gyr.chance(40) then
    gyr.desert { faction = "yuan", type = "levy", steps = 1, count = 1,
                 text = "Gao Yongchang's peasant levies lose heart and scatter to their villages.",
                 note = "JS: his 80,000 were mostly new levies; Zhang Lin's and Wolu's victories broke them (m)." }
  end
  if betrayal_due then ask_betrayal(betrayal_due) end
  if allied and t >= T_TURN then ask_betrayal("The Liao army is gone from the field.") end
  -- Gao's refusal to drop the title cannot wait for ever: a month of alliance is enough.
  if allied and allied_turn and t >= allied_turn + 3 then ask_betrayal("A month has passed and he still calls himself emperor.") end
end)

on("battle", function(ev)
  local winner = ev.attacker_won and ev.attacker_faction or ev.defender_faction
  local loser = ev.attacker_won and ev.defender_faction or ev.attacker_faction
  if winner == "liao" and loser == "yuan" and gyr.turn() >= T_RISING + 2 then
    gao_asks("The Liao have beaten the Bohai in the field.")
  end
  if winner == "yuan" and loser == "liao" and once("taizi") then
    gyr.message { text = "The Bohai beat Zhang Lin's levy as it crosses the Taizi river.",
                  note = "LS, QDGZ: Zhang Lin's army beaten at the Taizi crossing, 1116." }
  end
  if winner == "jin" and loser == "liao" then
    jin_wins = jin_wins + 1
    if allied and jin_wins >= 2 then ask_betrayal("Wolu has beaten the Liao twice.") end
  end
end)

on("place_captured", function(ev)
  if ev.place == "dongjing" and ev.by == "jin" then
    gyr.message { text = "The Jin take the Eastern Capital.", note = "LS, JS: Wolu, m.5 1116 (≈13 Jun–11 Jul)." }
    gao_falls("jin")
    liaodong_submits("jin")
  elseif ev.place == "dongjing" and ev.by == "liao" then
    gyr.message { text = "The Liao retake the Eastern Capital from the Bohai.", note = "Counterfactual: the Liao never retook it." }
    gao_falls("liao")
  elseif ev.place == "shenzhou" and ev.by == "jin" and once("shenzhou") then
    gyr.message { text = "Shenzhou falls to the Jin.", note = "JS, LS: Wolu took Shenzhou in m.5 1116." }
    if allied then ask_betrayal("Shenzhou is ours.") end
  end
end)

on("turn_end", function(ev)
  if gyr.turn() ~= TURNS then return end
  gyr.message { text = "At the Liao court Prince Chun is made Prince of Qin-Jin and commander-in-chief, and a general levy is ordered.",
                note = "LS: m.6 1116; the 'Resentful Army' (Yuanjun) was raised about now (?)." }
  local vp = { dongjing = 4, shenzhou = 2, haizhou = 1, kaizhou = 1, hesuguan = 1 }
  local pts, half = 0, 0
  for _, id in ipairs({ "dongjing", "shenzhou", "haizhou", "kaizhou", "hesuguan" }) do
    local o = gyr.owner(id)
    if o == "jin" then pts = pts + vp[id]
    elseif o == "yuan" and allied and not betrayed then half = half + vp[id] end
  end
  pts = pts + half // 2
  if gao_taken then pts = pts + 1 end
  if pts >= 8 then
    gyr.victory("jin", "Jin victory: " .. pts .. " points - Liaodong is Jin, as in 1116")
  else
    gyr.victory("liao", "Liao victory: the Jin held to " .. pts .. " points (Wolu made 10)")
  end
end)
