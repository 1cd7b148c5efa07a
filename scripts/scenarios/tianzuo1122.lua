-- tianzuo1122.lua - Tianzuo's flight, spring 1122 to spring 1125: the Yin Mountains and
-- Jiashan, Western Xia's army and its vassalage, Prince Chun's Northern Liao at Yanjing and
-- its end, Guo Yaoshi's defection and the failed Song attacks, Aguda at Yanjing, Xiao Gan's Xi
-- state, Yelü Dashi taken and gone west, and the hunt for the last Liao emperor.

-- ---------------------------------------------------------------- calendar helpers
local START = { year = 1122, month = 4, day = 9 }    -- m.3 1122 (Julian)
local TURN_DAYS, TURNS = 30, 37                       -- to 23 Apr 1125

-- Shared helpers (scripts/lib/history.lua): dates to turns, events that fire once, refusals
-- swallowed, and questions about factions and units.
local H = gyr.include("history")
local turn_of, once, happened, exists = H.turn_of, H.once, H.happened, H.exists
local alive, avg_cohesion, defect_tag = H.alive, H.avg_cohesion, H.defect_tag
-- Whether the leader is neither killed nor captured.
local function active(id) return gyr.leader_state(id) == "active" end

-- ---------------------------------------------------------------- the scenario
scenario {
  id = "tianzuo1122", title = "Tianzuo's Flight", years = "1122-1125",
  start = START, turn_days = TURN_DAYS, turns = TURNS,
  map = "theatre",
  sides = { "liao", "jin" },      -- the hunted moves first
  briefing = [[
Spring 1122. The Central Capital has fallen without a fight. Emperor Tianzuo (天祚帝) has fled
through the Juyong Pass to the lake camps of the steppe and on towards the Yin Mountains, with
5,000 guardsmen, having lost the imperial seal in the Sanggan and put his own son to death.
The Jin under Nianhan (粘罕) and Woliduo (斡離不), guided by the defector Yelü Yudu, follow.

Behind him the empire comes apart. At Yanjing, the Southern Capital, the officials and the Xi
general Xiao Gan (蕭幹) proclaim his uncle Yelü Chun (耶律淳) emperor - the "Northern Liao" -
and demote Tianzuo to Prince of Xiangyin. The Song, allied to the Jin by the "Alliance at Sea",
march on Yanjing to take what the treaty promised them. Western Xia, whose ruler married a
Liao princess, sends an army to the Yin Mountains.

Historically: Xia's army was routed and Xia became a Jin vassal (1124); Chun died; Guo Yaoshi
went over to the Song, whose two attacks failed; Aguda took Yanjing through the Juyong Pass;
Xiao Gan founded a short-lived Xi state; Yelü Dashi was captured and forced to guide the Jin
to Tianzuo's camp, escaped, and left for the west; and Tianzuo was taken near Yingzhou on
26 March 1125.

Scale: one step is about 2,500 men. Thirty-day turns, 9 Apr 1122 to 23 Apr 1125.]],
  briefing_jin = [[
You command the Jin. Hunt down Tianzuo: while the Liao emperor is free, every Khitan who hates
the Jin has a master. Take the Western Capital, keep Xia out, take Yanjing before the Song
do, and watch the Khitan and Xi remnants as they scatter.
Victory: capture Tianzuo and leave the Liao fewer than three refuges (Jiashan, Qingzhong, Tiande,
Dongsheng, the Tatar lands, Xijing, Yingzhou). Taken early with no refuges left, the war ends
at once. The Jin took him in the 2nd month of 1125.]],
  briefing_liao = [[
You are Tianzuo, emperor of a vanishing empire. Survive. Use the mountains of Jiashan, the
Tatar tribes of the steppe, Xia's friendship while it lasts, and the men who come back to you
when the rival court at Yanjing falls. From the first month of 1125 the snow will show your
tracks: the fewer refuges you hold, the likelier the Jin find you.
Victory: Tianzuo still free at the end - better than history. If he is taken, a prince
will claim the throne, and the Liao still win by holding three or more refuges at the end.]],
}

-- ---------------------------------------------------------------- factions and places
faction { id = "liao", name = "Khitan Liao",  hanzi = "遼",   color = 0x0072B2, emblem = "wolf",  playable = true }
faction { id = "jin",  name = "Great Jin",    hanzi = "大金", color = 0xE69F00, emblem = "sun",   playable = true }
faction { id = "song", name = "Song",         hanzi = "宋",   color = 0x009E73, emblem = "dragon", playable = false }
faction { id = "xia",  name = "Western Xia",  hanzi = "西夏", color = 0xD55E00, emblem = "hawk",  playable = false }
relation("jin", "liao", "war")
relation("jin", "song", "neutral")
relation("jin", "xia", "neutral")
relation("liao", "song", "neutral")
relation("liao", "xia", "neutral")
relation("song", "xia", "neutral")
-- Goryeo and the northern tribes stand aside.
faction { id = "goryeo", name = "Goryeo",      hanzi = "高麗", color = 0x999999, emblem = "lotus",  playable = false }
faction { id = "tribes", name = "Tribes of the north", hanzi = "諸部", color = 0x666666, emblem = "bow", playable = false }
for _, a in ipairs({ "jin", "liao", "song", "xia" }) do
  for _, b in ipairs({ "goryeo", "tribes" }) do relation(a, b, "neutral") end
end

-- The northeast, Liaodong and Liaoxi, Jin since 1114-1122.
for _, id in ipairs({ "ningjiang", "chuhedian", "binzhou", "xiangzhou", "daluguchang", "deshengtuo",
                      "hubudagang", "changchun", "taizhou", "huanglong", "huining", "xianzhou_kaiyuan",
                      "dongjing", "shenzhou", "haizhou", "kaizhou", "hesuguan", "xianzhou_beizhen",
                      "qianzhou", "jilishan", "jinzhou", "yizhou_lx", "yiwulu", "longhua", "guangping",
                      "shangjing", "qingzhou", "raozhou", "gaozhou", "beianzhou", "zezhou", "yuanyang" }) do
  place(id, { owner = "jin" })
end
place("baozhou", {})   -- Goryeo's since 1117
place("zhongjing", { owner = "jin", vp = 0, supply = true })
-- Tianzuo's abandoned camp at Yuanyang lake, with its herds and carts, feeds the Jin western
-- army (Yudu brought 5,000 carts and tens of thousands of beasts, JS), as the Western Capital
-- would once retaken.
place("yuanyang", { owner = "jin", vp = 0, supply = true })
-- Tianzuo's west: the Western Capital (it had surrendered and risen again), the lake camps,
-- the Yin Mountains and the Yellow River towns.
place("xijing",    { owner = "liao", vp = 0, supply = true })
place("baishui",   { owner = "liao", vp = 0 })
place("jiashan",   { owner = "liao", vp = 0, supply = true })
place("qingzhong", { owner = "liao", vp = 0 })
place("tiande",    { owner = "liao", vp = 0, supply = true })
place("dongsheng", { owner = "liao", vp = 0 })
place("yingzhou",  { owner = "liao", vp = 0 })
place("shuozhou",  { owner = "liao", vp = 0 })
place("fengsheng", { owner = "liao", vp = 0 })
place("ongut",     { owner = "liao", vp = 0 })
-- The Yan region, soon Northern Liao.
for _, id in ipairs({ "nanjing", "juyong", "gubeikou", "songting", "yuguan", "pingzhou", "zhuozhou",
                      "yizhou", "xincheng", "lugou", "baigou", "jianganshan" }) do
  place(id, { owner = "liao" })
end
place("nanjing", { owner = "liao", vp = 0, supply = true })
-- Song and Xia.
for _, id in ipairs({ "xiongzhou", "bazhou", "hejian", "dingzhou", "zhending", "cangzhou", "yanmen",
                      "taiyuan", "fuzhou_song", "dengzhou" }) do
  place(id, { owner = "song", supply = true })
end
place("xingqing", { owner = "xia", supply = true })
place("lingzhou", { owner = "xia", supply = true })

-- ---------------------------------------------------------------- leaders
leader { id = "aguda",        name = "Wanyan Aguda",   hanzi = "完顏阿骨打", rating = 3, faction = "jin" }
leader { id = "nianhan",      name = "Nianhan",        hanzi = "粘罕",       rating = 2, faction = "jin" }
leader { id = "woliduo",      name = "Woliduo",        hanzi = "斡離不",     rating = 2, faction = "jin" }
leader { id = "loushi",       name = "Wanyan Loushi",  hanzi = "完顏婁室",   rating = 2, faction = "jin" }
leader { id = "wolu",         name = "Wolu",           hanzi = "斡魯",       rating = 2, faction = "jin" }
leader { id = "xieye",        name = "Xieye (Wanyan Gao)", hanzi = "斜也",   rating = 2, faction = "jin" }
leader { id = "yelu_yudu",    name = "Yelü Yudu",      hanzi = "耶律余睹",   rating = 2, faction = "jin" }
leader { id = "tianzuo",      name = "Emperor Tianzuo",hanzi = "天祚帝",     rating = 1, faction = "liao" }
leader { id = "prince_qin",   name = "Yelü Ding, Prince of Qin", hanzi = "耶律定", rating = 0, faction = "liao" }
leader { id = "yelu_chun",    name = "Yelü Chun",      hanzi = "耶律淳",     rating = 1, faction = "liao" }
leader { id = "dowager_xiao", name = "Empress Dowager Xiao", hanzi = "蕭德妃", rating = 1, faction = "liao" }
leader { id = "li_chuwen",    name = "Li Chuwen",      hanzi = "李處溫",     rating = 0, faction = "liao" }
leader { id = "xiao_gan",     name = "Xiao Gan (Huilibao)", hanzi = "蕭幹",  rating = 2, faction = "liao" }
leader { id = "yelu_dashi",   name = "Yelü Dashi",     hanzi = "耶律大石",   rating = 2, faction = "liao" }
leader { id = "guo_yaoshi",   name = "Guo Yaoshi",     hanzi = "郭藥師",     rating = 2, faction = "liao" }
leader { id = "tong_guan",    name = "Tong Guan",      hanzi = "童貫",       rating = 0, faction = "song" }
leader { id = "zhong_shidao", name = "Zhong Shidao",   hanzi = "种師道",     rating = 2, faction = "song" }
leader { id = "liu_yanqing",  name = "Liu Yanqing",    hanzi = "劉延慶",     rating = 1, faction = "song" }
leader { id = "li_liangfu",   name = "Li Liangfu",     hanzi = "李良輔",     rating = 1, faction = "xia" }

-- ---------------------------------------------------------------- order of battle
-- Jin: in the west a small force on Tianzuo's trail - Nianhan, Woliduo and Yudu (a 7,000-man
-- detachment beat Xia at Tiande, XCB-SB; "under 1,000" at Shiniangyi, ?); Loushi in the Xi
-- hills; in the east Aguda, Xieye and Wolu, with Chinese siege workers.
unit { type = "jurchen_horse_archers", faction = "jin", at = "yuanyang", steps = 3,
       leader = "nianhan", name = "Nianhan's horse", tag = "nianhan_army", exp = 300 }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "yuanyang", steps = 2,
       leader = "woliduo", name = "Woliduo's mouke", tag = "woliduo_army", exp = 200 }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "beianzhou", steps = 3,
       leader = "loushi", name = "Loushi's mouke", tag = "loushi_mouke", exp = 300 }
unit { type = "khitan_heavy_cavalry", faction = "jin", at = "yuanyang", steps = 2,
       leader = "yelu_yudu", name = "Yudu's horse", tag = "yudu_troops", exp = 100 }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "zhongjing", steps = 4,
       leader = "aguda", name = "Aguda's armoured men", tag = "aguda_guard", exp = 300 }
unit { type = "jurchen_heavy_cavalry", faction = "jin", at = "zezhou", steps = 3,
       leader = "xieye", name = "Xieye's armoured horse", tag = "xieye_army", exp = 200 }
unit { type = "jurchen_horse_archers", faction = "jin", at = "gaozhou", steps = 3,
       leader = "wolu", name = "Wolu's riders", tag = "wolu_army", exp = 200 }
unit { type = "bohai_infantry", faction = "jin", at = "zhongjing", steps = 2,
       name = "Bohai and Liaodong auxiliaries", tag = "auxiliaries" }
unit { type = "siege_engines", faction = "jin", at = "zhongjing", steps = 2,
       name = "Chinese siege workers", tag = "siege" }

-- Liao (Tianzuo): 5,000+ guard cavalry (LS), the imperial household, the Western Capital.
unit { type = "khitan_heavy_cavalry", faction = "liao", at = "jiashan", steps = 3,
       leader = "tianzuo", name = "Imperial guard", tag = "tianzuo_guard", exp = 100 }
unit { type = "levy", faction = "liao", at = "jiashan", steps = 1,
       leader = "prince_qin", name = "Imperial household", tag = "household" }
unit { type = "khitan_horse_archers", faction = "liao", at = "baishui", steps = 1,
       name = "Rearguard at Baishui lake", tag = "rearguard" }
unit { type = "han_militia", faction = "liao", at = "xijing", steps = 2, name = "Xijing garrison", tag = "xijing" }
-- The refuges' garrisons: walled towns and mountain camps, held by men with nowhere else to go.
unit { type = "khitan_horse_archers", faction = "liao", at = "tiande", steps = 2,
       name = "Tiande frontier horse", tag = "ordo_horse" }
unit { type = "levy", faction = "liao", at = "dongsheng", steps = 2, name = "Dongsheng garrison", tag = "garrison" }
unit { type = "levy", faction = "liao", at = "qingzhong", steps = 2, name = "Qingzhong camp guard", tag = "garrison" }
unit { type = "han_militia", faction = "liao", at = "yingzhou", steps = 1, name = "Yingzhou militia", tag = "garrison" }

-- The Yan army, soon Northern Liao: Xiao Gan's Xi (QDGZ 20,000; HB 30,000), Dashi's 1,500
-- (HB 2,000) at Zhuozhou Xincheng, Guo Yaoshi's Ever-Victorious Army (about 8,000 ?).
unit { type = "han_infantry", faction = "liao", at = "nanjing", steps = 3,
       leader = "yelu_chun", name = "Yan garrison", tag = "chun_army" }
unit { type = "han_militia", faction = "liao", at = "nanjing", steps = 2,
       leader = "li_chuwen", name = "Yan militia", tag = "chun_army" }
unit { type = "xi_cavalry", faction = "liao", at = "juyong", steps = 3,
       leader = "xiao_gan", name = "Xi horse of Xiao Gan", tag = "xi_cav", exp = 100 }
unit { type = "xi_cavalry", faction = "liao", at = "gubeikou", steps = 3,
       name = "Xi hill horse", tag = "xi_cav" }
unit { type = "khitan_horse_archers", faction = "liao", at = "xincheng", steps = 1,
       leader = "yelu_dashi", name = "Dashi's horse", tag = "dashi_horse", exp = 100 }
unit { type = "yuanjun", faction = "liao", at = "zhuozhou", steps = 3,
       leader = "guo_yaoshi", name = "Ever-Victorious Army", tag = "changshengjun", exp = 100 }
unit { type = "levy", faction = "liao", at = "nanjing", steps = 1,
       leader = "dowager_xiao", name = "Palace guard of Yanjing", tag = "palace" }

-- Song: Tong Guan's army on the border (QDGZ: 150,000 claimed; HB 100,000), here what fought.
unit { type = "song_western_army", faction = "song", at = "xiongzhou", steps = 3,
       leader = "zhong_shidao", name = "Western Army (east route)", tag = "song_army" }
unit { type = "song_western_army", faction = "song", at = "bazhou", steps = 3,
       name = "Western Army (west route)", tag = "song_army" }
unit { type = "song_infantry", faction = "song", at = "xiongzhou", steps = 3,
       leader = "tong_guan", name = "Hebei armies", tag = "song_army" }
unit { type = "song_crossbowmen", faction = "song", at = "hejian", steps = 3,
       leader = "liu_yanqing", name = "Liu Yanqing's crossbowmen", tag = "song_army" }
unit { type = "song_cavalry", faction = "song", at = "bazhou", steps = 2, name = "Song horse", tag = "song_army" }
unit { type = "song_infantry", faction = "song", at = "yanmen", steps = 2, name = "Hedong garrison", tag = "song_hedong" }

-- Western Xia: Li Liangfu's 30,000 (XXSS), waiting south of the Yellow River loop.
unit { type = "xia_iron_hawks", faction = "xia", at = "xingqing", steps = 3,
       leader = "li_liangfu", name = "Iron Hawks", tag = "xia_army" }
unit { type = "xia_infantry", faction = "xia", at = "xingqing", steps = 3, name = "Hill infantry", tag = "xia_army" }
unit { type = "xia_camel_catapults", faction = "xia", at = "lingzhou", steps = 2, name = "Camel catapults", tag = "xia_army" }

-- ---------------------------------------------------------------- victory
-- Judged at the end by the handler below: the Jin need Tianzuo in their hands AND the Liao left
-- with fewer than three refuges; the Liao win with Tianzuo free, or by holding three or more.
victory { faction = "jin", type = "hold", place = "jiashan",
          text = "Jin: take Tianzuo and leave the Liao fewer than 3 refuges (Jiashan, Qingzhong, Tiande, Dongsheng, the Tatar lands, Xijing, Yingzhou)" }
victory { faction = "liao", type = "save_leader", leader = "tianzuo",
          text = "Liao: Tianzuo still free at the end - or, if he is taken, 3 or more refuges still held" }

gyr.ai_goal { faction = "jin", type = "hunt_leader", leader = "tianzuo", weight = 10 }
gyr.ai_goal { faction = "jin", type = "take", place = "xijing", weight = 8 }
gyr.ai_goal { faction = "jin", type = "take", place = "tiande", weight = 8 }
-- The Jin win only when the Liao hold fewer than three refuges: every refuge is a prize for them.
for _, id in ipairs({ "jiashan", "qingzhong", "dongsheng", "ongut", "yingzhou" }) do
  gyr.ai_goal { faction = "jin", type = "take", place = id, weight = 8 }
end
gyr.ai_goal { faction = "liao", type = "protect_leader", leader = "tianzuo", weight = 10 }
gyr.ai_goal { faction = "liao", type = "flee_to", place = "jiashan", weight = 8 }
gyr.ai_goal { faction = "liao", type = "hold", place = "xijing", weight = 3 }
-- Three refuges held win even if the emperor is taken: every one needs its garrison.
for _, id in ipairs({ "jiashan", "qingzhong", "tiande", "dongsheng", "ongut", "yingzhou" }) do
  gyr.ai_goal { faction = "liao", type = "hold", place = id, weight = 8 }
end
gyr.ai_goal { faction = "song", type = "hold", place = "xiongzhou", weight = 5 }
gyr.ai_goal { faction = "xia", type = "hold", place = "xingqing", weight = 5 }

-- ---------------------------------------------------------------- the story
local T_XIA = turn_of(1122, 6, 6)           -- m.5: Li Liangfu's 30,000 march (XXSS)
local T_SONG1 = turn_of(1122, 6, 6)         -- m.5: first Song attack
local T_CHUN = turn_of(1122, 7, 6)          -- m.6: Chun dies
local T_GUO = turn_of(1122, 10, 3)          -- m.9: Guo Yaoshi to the Song
local T_SONG2 = turn_of(1122, 11, 1)        -- m.10: second Song attack
local T_YAN = turn_of(1122, 12, 1)          -- m.11: the Jin march on Yanjing
local T_XI_LATE = turn_of(1123, 4, 1)       -- Xiao Gan's break with Yanjing if it still stands
local T_DASHI = turn_of(1123, 4, 1)         -- m.3-4 1123: Dashi taken
local T_HANDOVER = turn_of(1123, 5, 15)     -- m.4 1123: Yanjing to the Song
local T_AGUDA = turn_of(1123, 9, 19)        -- m.8 1123: Aguda dies
local T_GAN_END = turn_of(1123, 9, 1)       -- Xiao Gan killed by his men (≈m.8 ?)
local T_DASHI_BACK = turn_of(1124, 1, 15)   -- Dashi escapes back to Tianzuo
local T_VASSAL = turn_of(1124, 2, 1)        -- 1124 m.1 ?: Xia a Jin vassal
local T_WEST = turn_of(1124, 8, 15)         -- 1124 m.7 ?: Dashi leaves; Tianzuo comes out
local T_SNOW = turn_of(1125, 2, 5)          -- 1125 m.1: snow, the Tatars ambushed
local REFUGES = { "jiashan", "qingzhong", "tiande", "dongsheng", "ongut", "xijing", "yingzhou" }

local dashi_taken_by_jin = false
local successor = false
local xia_losses = 0
local nl_wins_vs_song = 0

-- How many refuges the Liao still hold.
local function refuges_held()
  local n = 0
  for _, id in ipairs(REFUGES) do if gyr.owner(id) == "liao" then n = n + 1 end end
  return n
end

-- Yanjing proclaims Yelü Chun: the Northern Liao.
local function northern_liao()
  if not once("northern_liao") then return end
  gyr.create_faction { id = "northern_liao", name = "Northern Liao", hanzi = "北遼", color = 0x56B4E9,
                       emblem = "wolf", at_war_with = { "jin" },
                       text = "At Yanjing the officials and Xiao Gan proclaim Yelü Chun emperor (Tianxi): the Northern Liao. Tianzuo is demoted to Prince of Xiangyin.",
                       note = "WP, XXSS: m.3 1122, backed by Li Chuwen and Yelü Dashi; era Jianfu." }
  gyr.set_relation("northern_liao", "liao", "neutral")
  gyr.set_relation("northern_liao", "song", "neutral")
  gyr.set_relation("northern_liao", "xia", "neutral")
  for _, tag in ipairs({ "chun_army", "xi_cav", "dashi_horse", "changshengjun", "palace" }) do
    defect_tag(tag, "liao", "northern_liao")
  end
  for _, id in ipairs({ "nanjing", "juyong", "gubeikou", "songting", "yuguan", "pingzhou", "zhuozhou",
                        "yizhou", "xincheng", "lugou", "baigou", "jianganshan" }) do
    if gyr.owner(id) == "liao" then gyr.set_place_owner(id, "northern_liao") end
  end
  gyr.ai_goal { faction = "northern_liao", type = "hold", place = "nanjing", weight = 10 }
  gyr.ai_goal { faction = "northern_liao", type = "hold", place = "juyong", weight = 5 }
  gyr.ai_goal { faction = "northern_liao", type = "hold", place = "zhuozhou", weight = 3 }
end

-- Yanjing is lost: Xiao Gan founds a Xi state, Dashi and the Dowager go to Tianzuo.
local function yan_breaks_up(reason)
  if not once("xi_state") or not exists("northern_liao") then return end
  gyr.create_faction { id = "xi", name = "Xi state of Xiao Gan", hanzi = "奚國", color = 0xF0E442,
                       emblem = "deer", at_war_with = { "jin", "song" },
                       text = "Xiao Gan breaks with the Dowager at the Songting Pass and proclaims himself emperor of the Xi (era Tianfu). " .. reason,
                       note = "QDGZ: at the Songting Pass Dashi chose Tianzuo and Xiao Gan a Xi state; proclaimed m.1 1123 (secondary / ?)." }
  gyr.set_relation("xi", "liao", "neutral")
  gyr.set_relation("xi", "northern_liao", "neutral")
  defect_tag("xi_cav", "northern_liao", "xi")
  gyr.rebellion { place = "jianganshan", faction = "xi", units = { { type = "xi_cavalry", steps = 2, tag = "xi_cav" } },
                  text = "The Xi tribes of the hills rally to Xiao Gan." }
  gyr.ai_goal { faction = "xi", type = "hold", place = "jianganshan", weight = 10 }
  defect_tag("dashi_horse", "northern_liao", "liao",
             "Yelü Dashi leads his horsemen to Tianzuo at the Xia border.", "QDGZ, secondary: early 1123.")
  defect_tag("palace", "northern_liao", "liao")
  if active("dowager_xiao") then
    gyr.kill_leader { leader = "dowager_xiao",
                      text = "Tianzuo receives the Dowager Xiao, who reigned at Yanjing in his place, and has her put to death.",
                      note = "Secondary / ?: 1123 m.1." }
  end
  -- What is left of the Yan court goes home or to Tianzuo.
  for _, u in ipairs(gyr.units { faction = "northern_liao" }) do
    if u.tag ~= "changshengjun" then gyr.defect { unit = u, to = "liao" } end
  end
end

-- Guo Yaoshi and Gao Feng go over with the Ever-Victorious Army and two prefectures.
local function guo_defects(reason)
  if not once("guo") then return end
  local to = exists("northern_liao") and alive("changshengjun", "northern_liao") and "song" or "jin"
  local from = alive("changshengjun", "northern_liao") and "northern_liao" or "liao"
  if defect_tag("changshengjun", from, to,
      "Guo Yaoshi and Gao Feng go over to the " .. (to == "song" and "Song" or "Jin") .. " with the Ever-Victorious Army. " .. reason,
      "QDGZ / (m): m.9 1122, with Zhuozhou and Yizhou; about 8,000 men (?). In 1125 they went over again, to the Jin.") then
    for _, id in ipairs({ "zhuozhou", "yizhou" }) do
      if gyr.owner(id) ~= to then gyr.set_place_owner(id, to) end
    end
  end
  if to == "song" then gyr.ai_goal { faction = "song", type = "take", place = "nanjing", weight = 12 } end
end

-- Tianzuo taken: the war ends if nothing is left, else a prince claims the throne.
local function tianzuo_check()
  if gyr.leader_state("tianzuo") == "active" or successor then return end
  if refuges_held() < 3 then
    gyr.victory("jin", "Jin victory: Tianzuo is taken and the Liao have nowhere left to stand")
    return
  end
  successor = true
  gyr.message { text = "With the emperor in Jin hands, the Khitans of the northwest proclaim Yelü Yali, Prince of Liang, emperor.",
                note = "WP (Northern Liao): Yali was proclaimed in m.5 1123, after the Qingzhong disaster, and died within months." }
  for _, u in ipairs(gyr.units { faction = "liao" }) do
    if not u.leader then
      gyr.add_leader { id = "yelu_yali", name = "Yelü Yali, Prince of Liang", hanzi = "耶律雅里", rating = 1, faction = "liao", unit = u }
      break
    end
  end
  -- The emperor is taken: now only the refuges count, for both sides.
  gyr.clear_ai_goals("jin")
  for _, id in ipairs(REFUGES) do gyr.ai_goal { faction = "jin", type = "take", place = id, weight = 10 } end
  gyr.clear_ai_goals("liao")
  for _, id in ipairs(REFUGES) do gyr.ai_goal { faction = "liao", type = "hold", place = id, weight = 8 } end
end

on("turn_start", function(ev)
  if not ev.first then return end
  local t = ev.turn
  tianzuo_check()
  if successor and refuges_held() < 3 then
    gyr.victory("jin", "Jin victory: the last Liao refuges have fallen")
    return
  end
  if t == 1 then
    if once("intro") then
      gyr.message { text = "Tianzuo flees by Baishui lake towards the Yin Mountains; the Jin retake the Western Capital, which had surrendered and risen again.",
                    note = "LS: m.3–4 1122; Xijing retaken by Moulianghu (XXSS: m.3–4; Baidu: m.4)." }
    end
    northern_liao()
  end
  -- The tribes of the Yin Mountains rally to the emperor (25,000 at Shiniangyi, ?).
  if t == 2 and gyr.leader_state("tianzuo") == "active" and once("tribes") then
    gyr.rebellion { place = "ongut", faction = "liao",
                    units = { { type = "tribal_horse_archers", steps = 3, tag = "tatars" },
                              { type = "tribal_levy", steps = 3, tag = "tatars" } },
                    text = "The Tatar and Zubu tribes of the Yin Mountains rise for Tianzuo.",
                    note = "Summary: he 'tried to recruit fresh troops from local tribes'; JS (via secondary, ?): 25,000 at Shiniangyi." }
  end
  -- Western Xia sends Li Liangfu with 30,000 to the emperor's aid.
  if t >= T_XIA and not happened("xia") and exists("xia") then
    if gyr.leader_state("tianzuo") == "active" and (gyr.chance(60) or t >= T_XIA + 1) and once("xia") then
      gyr.set_relation("xia", "liao", "alliance", { text = "Western Xia, fearing the Jin on its border, sends Li Liangfu with 30,000 men to Tianzuo's aid.",
                                                   note = "XXSS: m.5 1122; they beat Jin scouts near Tiande." })
      gyr.set_relation("xia", "jin", "war")
      gyr.clear_ai_goals("xia")
      gyr.ai_goal { faction = "xia", type = "take", place = "tiande", weight = 10 }
      gyr.ai_goal { faction = "xia", type = "hold", place = "dongsheng", weight = 5 }
    end
  end
  -- The Song march on Yanjing as the treaty allows.
  if t >= T_SONG1 and once("song1") then
    local target = exists("northern_liao") and "northern_liao" or "liao"
    gyr.set_relation("song", target, "war", { text = "Tong Guan leads the Song armies across the Baigou to take Yanjing as the Alliance at Sea promised.",
                                               note = "QDGZ: 150,000 claimed (HB 100,000); Zhong Shidao east route, Xin Xingzong west route; m.5 1122." })
    gyr.ai_goal { faction = "song", type = "take", place = "nanjing", weight = 10 }
  end
  if t >= T_CHUN and active("yelu_chun") and (gyr.chance(70) or t >= T_CHUN + 1) then
    gyr.kill_leader { leader = "yelu_chun", text = "Yelü Chun dies three months into his reign; the Empress Dowager Xiao rules at Yanjing.",
                      note = "WP: m.6 1122; era Dexing, for the absent Prince of Qin." }
  end
  if t >= T_GUO and exists("northern_liao") and not happened("guo") and (gyr.chance(50) or t >= T_GUO + 1) then
    guo_defects("The Northern Liao cannot last, and the Song pay well.")
    if active("li_chuwen") then
      gyr.kill_leader { leader = "li_chuwen", text = "The chancellor Li Chuwen is executed for intriguing with both the Song and the Jin.",
                        note = "QDGZ: m.9 1122." }
    end
  end
  if t >= T_SONG2 and gyr.owner("nanjing") == "northern_liao" and once("song2") then
    gyr.message { text = "Second Song attack: Liu Yanqing camps on the Lugou; Guo Yaoshi and Gao Shixuan break into Yanjing by night.",
                  note = "(m): m.10 1122, about 100,000; Xiao Gan drove them out and the Song army panicked." }
  end
  if t >= T_YAN and once("yan") then
    local holder = gyr.owner("nanjing")
    if holder == "northern_liao" or holder == "liao" then
      gyr.message { text = "The horses are rested after the harvest. Aguda marches on Yanjing through the Juyong Pass.",
                    note = "XCB-SB: autumn 1122 rest; QDGZ/LS: Yanjing taken m.12 1122 (QDGZ m.1 1123)." }
      -- Yanjing is a prize, but the war is won in the west: the refuges weigh more.
      gyr.ai_goal { faction = "jin", type = "take", place = "juyong", weight = 5 }
      gyr.ai_goal { faction = "jin", type = "take", place = "nanjing", weight = 7 }
    else
      gyr.message { text = "The horses are rested after the harvest. Yanjing is not the Liao's to lose any more, so Aguda sends his armies west after Tianzuo.",
                    note = "Counterfactual: in m.12 1122 Aguda took Yanjing from the Northern Liao himself (QDGZ, LS)." }
      gyr.ai_goal { faction = "jin", type = "take", place = "tiande", weight = 8 }
      gyr.ai_goal { faction = "jin", type = "take", place = "jiashan", weight = 8 }
    end
  end
  if t >= T_XI_LATE and not happened("xi_state") and exists("northern_liao") and gyr.chance(30) then
    yan_breaks_up("The Dowager's court is bankrupt and quarrelling.")
  end
  -- Yelü Dashi taken and made to guide the Jin to Tianzuo's camp.
  if t >= T_DASHI and not dashi_taken_by_jin and alive("dashi_horse", "liao")
     and (gyr.chance(40) or t >= T_DASHI + 2) and once("dashi_taken") then
    dashi_taken_by_jin = true
    local us = gyr.units { tag = "dashi_horse", faction = "liao" }
    gyr.defect { unit = us[1], to = "jin", text = "Loushi's men take Yelü Dashi near Longmen and force him to guide them to the emperor's camp.",
                 note = "JS (m): 1123, near Longmen/Fengshengzhou; some accounts put it in winter 1122–23." }
    if active("prince_qin") then
      gyr.capture_leader { leader = "prince_qin", text = "Guided by Dashi, Woliduo falls on the camp at Qingzhong: the princes and consorts are taken. Tianzuo escapes with one son.",
                           note = "(novel paraphrase, ?): Qingzhong, 1123 (m.4 ?)." }
    end
    if alive("household", "liao") then gyr.desert { tag = "household", faction = "liao", melt = true } end
    gyr.ai_goal { faction = "jin", type = "take", place = "qingzhong", weight = 6 }
  end
  -- The Jin hand the emptied Yanjing to the Song (a choice for the Jin).
  if t >= T_HANDOVER and gyr.owner("nanjing") == "jin" and exists("song") and once("handover") then
    gyr.choice { faction = "jin",
      question = "The treaty gives Yanjing to the Song. Hand over the emptied city?",
      options = { "Hand it over (as the Jin did)", "Keep Yanjing" }, ai_default = 1,
      on_answer = function(option)
        if option == 1 then
          gyr.set_place_owner("nanjing", "song", { text = "The Jin hand Yanjing and six prefectures to the Song, having carried off its people.",
                                                   note = "(m): m.4 1123." })
        else
          gyr.set_relation("jin", "song", "war", { text = "The Jin keep Yanjing. The Song cry betrayal.", note = "Counterfactual." })
        end
      end }
  end
  if t >= T_AGUDA and active("aguda") and once("aguda_dies") then
    gyr.kill_leader { leader = "aguda", text = "Aguda, emperor of the Jin, dies on the road home. His brother Wuqimai (Taizong) succeeds him.",
                      note = "WP / (m): m.8 1123 (≈19 Sep 1123); era Tianhui." }
  end
  if t >= T_GAN_END and exists("xi") and active("xiao_gan") and (gyr.chance(50) or t >= T_GAN_END + 2) then
    gyr.kill_leader { leader = "xiao_gan", text = "Xiao Gan is killed by his own men; the Xi state ends after five months.",
                      note = "Summary: 'lasted five months before Gan died at the hands of his own troops' (1123, month ?)." }
    if alive("xi_cav", "xi") then gyr.desert { faction = "xi", tag = "xi_cav", melt = true, text = "The Xi horsemen scatter to their hills." } end
  end
  -- Dashi escapes the Jin and returns to Tianzuo.
  if t >= T_DASHI_BACK and dashi_taken_by_jin and alive("dashi_horse", "jin") and active("tianzuo") and once("dashi_back") then
    defect_tag("dashi_horse", "jin", "liao", "Yelü Dashi slips away from the Jin and rejoins Tianzuo in the mountains.",
               "(m): Dashi 'had rejoined Tianzuo' before 1124 (summary).")
  end
  -- Western Xia makes its peace with the Jin.
  if t >= T_VASSAL and exists("xia") and gyr.relation("xia", "jin") ~= "vassal" then
    local p = (xia_losses > 0 and 60 or 35) - (refuges_held() >= 4 and 20 or 0)
    if (gyr.chance(p) or t >= T_VASSAL + 3) and once("vassal") then
      gyr.set_relation("xia", "jin", "vassal", { text = "Emperor Chongzong of Western Xia declares himself a vassal of the Jin and is granted lands south of the Yin Mountains.",
                                                 note = "(m ?): 1124 m.1; Xia had thought of sheltering Tianzuo and did not (Songmo jiwen via HB)." })
      gyr.set_relation("xia", "liao", "neutral")
      gyr.clear_ai_goals("xia")
      gyr.ai_goal { faction = "xia", type = "hold", place = "xingqing", weight = 10 }
    end
  end
  -- Tianzuo resolves to retake the capitals; Dashi will not follow (a choice for the Liao).
  if t >= T_WEST and active("tianzuo") and once("west") then
    if alive("dashi_horse", "liao") then
      gyr.choice { faction = "liao",
        question = "Tianzuo, with new Tatar allies, would retake the Western and Southern Capitals. Yelü Dashi calls it folly. Attack?",
        options = { "Attack (as Tianzuo did); let Dashi go", "Heed Dashi and stay in the mountains" }, ai_default = 1,
        on_answer = function(option)
          if option == 1 then
            gyr.create_faction { id = "dashi", name = "Yelü Dashi's Khitans", hanzi = "耶律大石", color = 0x000000,
                                 emblem = "wolf", at_war_with = { "jin" },
                                 text = "Yelü Dashi leaves Jiashan with 200 horse for the White Tatars and the west.",
                                 note = "(m): 1124 m.7 ?; at Kedun he gathered 7 prefectures and 18 tribes, the beginning of the Qara Khitai." }
            defect_tag("dashi_horse", "liao", "dashi")
            gyr.ai_goal { faction = "dashi", type = "flee_to", place = "kedun", weight = 10 }
            gyr.reinforce { faction = "liao", at = "ongut",
                            units = { { type = "tribal_horse_archers", steps = 3, tag = "tatars" } },
                            text = "Tatar horsemen join the emperor for the march on the capitals." }
            gyr.ai_goal { faction = "liao", type = "take", place = "tiande", weight = 6 }
            gyr.ai_goal { faction = "liao", type = "take", place = "dongsheng", weight = 4 }
          else
            gyr.message { text = "Tianzuo stays in the mountains. Dashi stays with him.", note = "Counterfactual." }
          end
        end }
    else
      gyr.message { text = "Tianzuo comes out of Jiashan with the Tatars to retake the Yellow River towns.",
                    note = "Baidu: in 1124 he came out of Jiashan and was routed again; he took Tiande, Dongsheng, Ningbian and Yunnei (m)." }
      gyr.ai_goal { faction = "liao", type = "take", place = "tiande", weight = 6 }
    end
  end
  -- Tribesmen who have lost heart ride home to their pastures (low cohesion).
  if alive("tatars", "liao") and avg_cohesion { faction = "liao", tag = "tatars" } < 40 and gyr.chance(50) then
    gyr.desert { faction = "liao", tag = "tatars", melt = true, count = 1,
                 text = "Beaten and unpaid, a band of Tatar horsemen rides home to its pastures.",
                 note = "HB: the Tatars were Tianzuo's allies of circumstance and broke when ambushed (1125)." }
  end
  -- The last winter: snow shows his tracks.
  if t >= T_SNOW and active("tianzuo") then
    if once("snow") then
      if alive("tatars", "liao") then
        gyr.desert { faction = "liao", tag = "tatars", steps = 2,
                     text = "Tianzuo tries to reach the Tanguts or the Song; his Tatar escort is ambushed and scatters.",
                     note = "HB: 1125 m.1; light snow left tracks that the Jin followed." }
      else
        gyr.message { text = "Light snow falls; the Jin follow the emperor's tracks.", note = "HB, Songmo jiwen: early 1125." }
      end
    end
    -- Mostly the hunters' work: the scripted chance is small while he keeps refuges and
    -- his guard (at 15% + 35% it decided most games by the dice rather than by the play).
    local p = 5 + (refuges_held() < 3 and 10 or 0) + (alive("tianzuo_guard", "liao") and 0 or 20)
    if active("tianzuo") and gyr.chance(p) then   -- the ambush above may have killed him
      gyr.capture_leader { leader = "tianzuo", text = "Wanyan Loushi's 500 horsemen run down the emperor east of Yingzhou. The Liao dynasty is at an end.",
                           note = "LS: 60 li E of Yingzhou new town; JS: Yudu valley; 26 Mar 1125 (WP). He was made Prince of Haibin and died in 1128." }
    end
  elseif t >= T_SNOW - 12 and active("tianzuo") and refuges_held() == 0 and gyr.chance(20) then
    -- From 1124, an emperor with no refuge left at all is handed over by the tribes that hide him.
    gyr.capture_leader { leader = "tianzuo", text = "With his refuges gone, the tribesmen who hid Tianzuo hand him over to the Jin.",
                         note = "Counterfactual date: he was taken in m.2 1125; the Tatars and Tanguts had stopped sheltering him (HB)." }
  end
  -- An emperor whose escort has fallen apart, unsupplied and far from all his refuges,
  -- cannot stay hidden for long: the herders he wanders among give him up.
  if active("tianzuo") then
    local u = gyr.leader_info("tianzuo").unit
    local far = u ~= nil
    for _, id in ipairs(REFUGES) do
      local p = gyr.place_info(id)
      if u and H.hex_dist(u.q, u.r, p.q, p.r) <= 8 then far = false end
    end
    if far and u.cohesion <= 0 and not u.supplied and gyr.chance(25) then
      gyr.capture_leader { leader = "tianzuo", text = "His starving escort scattered, the emperor is given up by the herders he wandered among.",
                           note = "Game rule. He was taken in 1125 with only a few followers left (HB)." }
    end
  end
end)

on("place_captured", function(ev)
  if ev.place == "nanjing" and ev.by == "jin" and once("yanjing") then
    gyr.message { text = "Aguda enters Yanjing; the Juyong Pass defence has collapsed and Zuo Qigong and the officials surrender. The Dowager, Xiao Gan and Dashi flee by the Songting Pass.",
                  note = "QDGZ, LS: m.12 1122 (≈31 Dec 1122–28 Jan 1123); QDGZ m.1 1123." }
    yan_breaks_up("Yanjing has fallen.")
  elseif ev.place == "nanjing" and ev.by == "song" and once("yanjing_song") then
    gyr.message { text = "The Song take Yanjing by force - something they never managed.", note = "Counterfactual: both Song attacks failed." }
    yan_breaks_up("Yanjing has fallen to the Song.")
  elseif ev.from == "liao" and successor and refuges_held() < 3 then
    gyr.victory("jin", "Jin victory: the last Liao refuges have fallen")
  elseif ev.place == "xijing" and ev.by == "jin" and once("xijing") then
    gyr.message { text = "The Western Capital is Jin again, and the prefectures of Shanxi submit.",
                  note = "XXSS, Baidu: m.3–4 1122." }
  elseif ev.place == "juyong" and ev.by == "jin" and exists("northern_liao") and gyr.chance(50) then
    gyr.desert { faction = "northern_liao", tag = "chun_army", steps = 1, text = "The Juyong Pass is lost and the Yan garrison loses heart.",
                 note = "QDGZ: 'the Juyong Pass was lost'." }
  end
end)

on("battle", function(ev)
  local winner = ev.attacker_won and ev.attacker_faction or ev.defender_faction
  local loser = ev.attacker_won and ev.defender_faction or ev.attacker_faction
  if winner == "jin" and loser == "xia" then
    xia_losses = xia_losses + 1
    if once("yishui") then
      gyr.desert { faction = "xia", tag = "xia_army", steps = 1, count = 2,
                   text = "The Xia army is routed at the Yishui; a flash flood after long rains drowns thousands more.",
                   note = "XXSS: m.6 1122, by Loushi and Wolu; 'several thousand' killed." }
    end
  end
  if winner == "northern_liao" and loser == "song" then
    nl_wins_vs_song = nl_wins_vs_song + 1
    if nl_wins_vs_song == 1 then
      gyr.message { text = "Yelü Dashi beats Zhong Shidao at the Baigou; Xiao Gan beats Xin Xingzong at Fancun. The Song fall back on Xiongzhou.",
                    note = "(m): m.5 1122." }
    elseif nl_wins_vs_song == 3 and alive("song_army", "song") then
      gyr.desert { faction = "song", tag = "song_army", steps = 1, count = 2,
                   text = "Panic runs through the Song camp on the Lugou; the army burns its camp and flees.",
                   note = "(m): m.10 1122, Liu Yanqing's retreat." }
    end
  end
  if winner == "jin" and loser == "liao" and happened("west") and once("yane") then
    gyr.message { text = "The Jin beat Tianzuo's army at the Yan'e-xia river; he retreats into the mountains.",
                  note = "(m): 1124." }
  end
end)

on("turn_end", function(ev)
  if gyr.turn() ~= TURNS then return end
  local held = refuges_held()
  if active("tianzuo") then
    gyr.victory("liao", "Liao victory: Tianzuo is still free in the spring of 1125 - better than history")
  elseif held >= 3 then
    gyr.victory("liao", "Liao victory: the emperor is taken, but the Liao still hold " .. held .. " refuges - more than history")
  else
    gyr.victory("jin", "Jin victory: the last Liao emperor is in Jin hands")
  end
end)
