-- error_object_message.lua - open: an error raised with a table whose __tostring gives text is reported without FILE:LINE
error(setmetatable({}, { __tostring = function() return "no location" end }))
