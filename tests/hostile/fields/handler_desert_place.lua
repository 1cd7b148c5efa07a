-- In play: gyr.desert has no place selector; the handler is stopped at the call, nothing
-- melts, the message after it is not written, and the game goes on to its end.
scenario { id = "hf_desert", title = "Desert", sides = { "a", "b" }, turns = 2,
  map = { rows = { "......", "......" }, places = { { id = "p", col = 2, row = 1 } } } }
faction { id = "a" }
faction { id = "b" }
unit { type = "levy", faction = "a", at = { col = 0, row = 0 } }
unit { type = "levy", faction = "b", at = { col = 5, row = 1 } }
unit { type = "levy", faction = "b", at = { col = 5, row = 0 } }
victory { faction = "a", type = "hold", place = "p" }
victory { faction = "b", type = "hold", place = "p" }
on("turn_start", function(ev)
  if ev.first and ev.turn == 1 then
    gyr.desert { faction = "b", place = "p", melt = true }
    gyr.message("not reached")
  end
  if ev.first and ev.turn == 2 then
    gyr.choice { faction = "a", question = "Q?", options = { "x", "y" }, default = 2 }
  end
end)
