-- campaign_pairs.lua - class 4: a campaign whose order of scenarios comes from pairs() over
-- string keys and whose texts hold tostring({}); in the scenarios' sandbox both are the same
-- on every run, so one campaign id and seed always plays the same games.
local order = {}
for k in pairs({ test_skirmish = 1, ningjiang1114 = 2, huanglong1115 = 3, dongjing1116 = 4 }) do
  order[#order + 1] = { id = k, interlude = "before " .. k .. " " .. tostring({}) .. " " .. tostring(print) }
end
assert(not pcall(string.format, "%p", {}), "%p must be refused")
assert(string.dump == nil and collectgarbage == nil, "string.dump and collectgarbage must be gone")
assert(not pcall(setmetatable, {}, { __gc = function() end }), "__gc must be refused")
campaign {
  id = "door_pairs", title = "Pairs", years = "1114-1116", side = "jin",
  scenarios = order,
}
