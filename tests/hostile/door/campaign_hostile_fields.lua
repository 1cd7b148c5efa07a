-- campaign_hostile_fields.lua - class 4 and 2: campaign{} fields behind __index and __len are
-- not read (the table is read raw), so the declaration lacks them and fails with FILE:LINE.
local ghost = setmetatable({}, { __index = function(t, k) return "test_skirmish" end,
                                 __len = function() return 3 end })
campaign(setmetatable({ id = "door_ghost", title = "Ghost", side = "jin", scenarios = ghost },
                      { __index = function(t, k) error("__index ran for " .. k) end }))
