-- campaign_pcall_loop.lua - class 4: a campaign file that catches the budget error in a pcall
-- loop; the sandbox's budget stops it for good, with FILE:LINE.
local n = 0
while true do
  pcall(function() while true do n = n + 1 end end)
end
campaign { id = "door_pcall_loop_campaign", title = "never", side = "jin", scenarios = { "test_skirmish" } }
