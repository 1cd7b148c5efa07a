-- deep_recursion.lua - hostile input (run once by test_fuzz_loaders.sh): unbounded recursion, Lua and through metamethods
local mt = {}
mt.__index = function(t, k) return t[k .. "x"] end
local t = setmetatable({}, mt)
local function f(n) return f(n + 1) + 1 end
pcall(f, 1)
return t.a
