-- A campaign with unknown fields at the top and in a scenario entry.
campaign { id = "hf_campaign", title = "Campaign", side = "jin", carry_unit = { "x" },
  scenarios = { { id = "test_skirmish", interlud = "Later." } } }
