-- odd_fields.lua - hostile input (run once by test_fuzz_loaders.sh): a campaign whose fields have the wrong kinds and sizes
campaign { id = ("x"):rep(1000), title = ("t"):rep(100000), side = "jin", briefing = ("b"):rep(100000),
  scenarios = setmetatable({}, { __len = function() return 16 end, __index = function(t, i) return { id = ("s"):rep(300), interlude = ("i"):rep(5000) } end }),
  carry_units = { "a", "b", 3 }, carry_leaders = setmetatable({}, { __len = function() return 1e12 end }) }
