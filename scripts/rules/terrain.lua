-- terrain.lua - movement cost per unit class and defence per terrain kind, and the effects of
-- roads, rivers, seasons and river ice. Costs are movement points; "impassable" cannot be
-- entered. defence: percent added to the defender's strength. cavalry_open: cavalry attacking
-- here gets the open-ground bonus (combat.lua). blocks_sight: sight does not pass beyond.
local X = "impassable"
return {
  terrain = {
    sea       = { move = { heavy_cavalry = X, horse_archers = X, infantry = X, levy = X, siege = X }, defence = 0 },
    lake      = { move = { heavy_cavalry = X, horse_archers = X, infantry = X, levy = X, siege = X }, defence = 0 },
    plain     = { move = { heavy_cavalry = 1, horse_archers = 1, infantry = 1, levy = 1, siege = 1 },
                  defence = 0, cavalry_open = true },
    farmland  = { move = { heavy_cavalry = 1, horse_archers = 1, infantry = 1, levy = 1, siege = 1 },
                  defence = 10, cavalry_open = true },
    steppe    = { move = { heavy_cavalry = 1, horse_archers = 1, infantry = 1, levy = 1, siege = 2 },
                  defence = 0, cavalry_open = true },
    forest    = { move = { heavy_cavalry = 3, horse_archers = 3, infantry = 2, levy = 2, siege = 3 },
                  defence = 30, blocks_sight = true },
    hills     = { move = { heavy_cavalry = 2, horse_archers = 2, infantry = 2, levy = 2, siege = 3 },
                  defence = 30 },
    mountains = { move = { heavy_cavalry = 4, horse_archers = 4, infantry = 3, levy = 3, siege = X },
                  defence = 60, blocks_sight = true },
    marsh     = { move = { heavy_cavalry = 4, horse_archers = 4, infantry = 3, levy = 3, siege = X },
                  defence = 20 },
    desert    = { move = { heavy_cavalry = 2, horse_archers = 2, infantry = 2, levy = 2, siege = 3 },
                  defence = 0, cavalry_open = true },
    sand      = { move = { heavy_cavalry = 3, horse_archers = 2, infantry = 3, levy = 3, siege = 4 },
                  defence = 0 },
  },
  road_cost = 1,            -- a move along a road costs this, whatever the terrain
  river_minor_cost = 1,     -- extra cost to cross a minor river (nothing when frozen)
  river_major_stops = true, -- crossing an unfrozen major river without ford or bridge ends the move
  river_defence = 50,       -- defender bonus, percent, when every attacker is across an unfrozen river
  stack_limit = 3,          -- units per hex
  supply_range = 8,         -- movement points (infantry costs) from a friendly supply source
  -- Rivers freeze from mid-November to mid-March (Songhua at Harbin: freeze-up late Nov, ice
  -- safe Dec-Mar, break-up early April; the Liao is about 3.5 months under ice).
  freeze = { from = { month = 11, day = 15 }, to = { month = 3, day = 15 } },
  -- Attack modifiers per season, percent: the spring thaw and mud hurt cavalry; winter hurts
  -- everyone but the steppe horse archers (the Jin and the steppe armies campaigned in winter).
  season_attack = {
    spring = { heavy_cavalry = -10, horse_archers = -10, infantry = 0, levy = 0, siege = 0 },
    summer = { heavy_cavalry = 0, horse_archers = 0, infantry = 0, levy = 0, siege = 0 },
    autumn = { heavy_cavalry = 0, horse_archers = 0, infantry = 0, levy = 0, siege = 0 },
    winter = { heavy_cavalry = -10, horse_archers = 0, infantry = -20, levy = -20, siege = -20 },
  },
}
