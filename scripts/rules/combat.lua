-- combat.lua - the combat results table and the modifiers around it.
-- A battle compares attack strength with defence strength; the odds pick a column (the last
-- column whose odds are at or below the real odds; worse than the first column uses the first).
-- Two dice (2d6, 2..12) pick the row. A cell "A/D" says how many steps the attacker (A) and the
-- defender (D) lose; "r" means the defender retreats one hex (or loses one more step when it
-- cannot), "x" that the defender routs and dissolves.
return {
  columns = {
    { odds = "1:3", results = { "2/0", "2/0", "2/0", "2/0", "1/0", "1/0", "1/1", "1/1", "0/1", "0/1r", "0/1r" } },
    { odds = "1:2", results = { "2/0", "2/0", "2/0", "1/0", "1/0", "1/1", "1/1", "0/1", "0/1r", "0/1r", "0/1r" } },
    { odds = "1:1", results = { "2/0", "2/0", "1/0", "1/0", "1/1", "1/1", "0/1", "0/1r", "0/1r", "0/1r", "0/2r" } },
    { odds = "3:2", results = { "2/0", "1/0", "1/0", "1/1", "1/1", "0/1", "0/1r", "0/1r", "0/1r", "0/2r", "0/2r" } },
    { odds = "2:1", results = { "1/0", "1/0", "1/1", "1/1", "0/1", "0/1r", "0/1r", "0/1r", "0/2r", "0/2r", "0/2r" } },
    { odds = "3:1", results = { "1/0", "1/1", "1/1", "0/1", "0/1r", "0/1r", "0/1r", "0/2r", "0/2r", "0/2r", "0/2r" } },
    { odds = "4:1", results = { "1/1", "1/1", "0/1", "0/1r", "0/1r", "0/1r", "0/2r", "0/2r", "0/2r", "0/2r", "0/2x" } },
    { odds = "6:1", results = { "1/1", "0/1", "0/1r", "0/1r", "0/1r", "0/2r", "0/2r", "0/2r", "0/2r", "0/2x", "0/2x" } },
  },
  fort_defence = 100,             -- percent: defender in a city, capital, fortress or pass
  cavalry_open = 25,              -- percent: cavalry attacking on open ground
  leader_per_rating = 10,         -- percent per point of the leader's rating
  cohesion_max = 100,
  cohesion_loss_unsupplied = 15,  -- per turn out of supply
  cohesion_recover = 10,          -- per turn in supply
  cohesion_loss_per_step = 10,    -- when a step is lost in combat
  rout_cohesion = 0,              -- a unit whose cohesion falls to this or below routs
  exp_per_battle = 20,
  exp_per_level = 10,             -- percent per experience level (exp / 100)
  capture_leader_in6 = 2,         -- a leader whose unit routs or dies is taken on a d6 of 1-2
}
