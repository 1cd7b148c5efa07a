-- theatre100.lua - the benchmark's game: 100 units of two sides spread over the Liao
-- heartland of the theatre map, 50 ten-day turns. Not a historical scenario (not listed);
-- gyrfalcon --bench loads it to time scenario loading, computer turns and replays.

scenario {
  id = "bench_theatre100", title = "Benchmark: a hundred units on the theatre map", years = "1120",
  start = { year = 1120, month = 3, day = 1 }, turn_days = 10, turns = 50,
  map = "theatre", sides = { "jin", "liao" },
  briefing = [[A synthetic game for measuring the engine.]],
}

faction { id = "jin", name = "Jin", hanzi = "金", color = 0xE69F00, emblem = "sun", playable = true }
faction { id = "liao", name = "Liao", hanzi = "遼", color = 0x0072B2, emblem = "wolf", playable = true }
relation("jin", "liao", "war")

local jin_places = { "huining", "ningjiang", "huanglong", "changchun", "binzhou", "dongjing", "shenzhou",
                     "xianzhou_kaiyuan", "taizhou", "hesuguan" }
local liao_places = { "shangjing", "zhongjing", "nanjing", "xijing", "qingzhou", "raozhou", "jinzhou",
                      "xianzhou_beizhen", "qianzhou", "pingzhou", "juyong", "gubeikou", "yingzhou", "fengsheng" }
for _, p in ipairs(jin_places) do place(p, { owner = "jin", vp = 2, supply = true }) end
for _, p in ipairs(liao_places) do place(p, { owner = "liao", vp = 2, supply = true }) end

leader { id = "aguda", name = "Wanyan Aguda", hanzi = "完顏阿骨打", rating = 3, faction = "jin" }
leader { id = "tianzuo", name = "Emperor Tianzuo", hanzi = "天祚帝", rating = 1, faction = "liao" }

-- 50 units a side on a grid of land points south-west of each side's places
local jin_types = { "jurchen_heavy_cavalry", "jurchen_horse_archers", "bohai_infantry", "jurchen_horse_archers" }
local liao_types = { "khitan_heavy_cavalry", "khitan_horse_archers", "han_infantry", "xi_cavalry", "levy" }
local n = 0
for i = 0, 9 do
  for j = 0, 4 do
    n = n + 1
    unit { type = jin_types[n % #jin_types + 1], faction = "jin", steps = 2,
           at = { lat = 42.0 + i * 0.3, lon = 123.6 + j * 0.45 }, leader = (n == 1) and "aguda" or nil }
    unit { type = liao_types[n % #liao_types + 1], faction = "liao", steps = 2,
           at = { lat = 41.0 + i * 0.32, lon = 117.6 + j * 0.5 }, leader = (n == 1) and "tianzuo" or nil }
  end
end

victory { faction = "jin", type = "hold", place = "shangjing", text = "Jin: hold the Supreme Capital at the end (the game always runs its 50 turns)" }
victory { faction = "liao", type = "hold", place = "shangjing", text = "Liao: hold the Supreme Capital" }
