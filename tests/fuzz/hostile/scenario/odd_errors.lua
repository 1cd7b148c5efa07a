-- odd_errors.lua - hostile input (run once by test_fuzz_loaders.sh): errors raised with values that are not strings
local objs = { {}, 42, nil, true, setmetatable({}, { __tostring = function() error("again") end }) }
for i = 1, 5 do pcall(error, objs[i]) end
error(setmetatable({}, { __tostring = function() return ("y"):rep(100000) end }))
