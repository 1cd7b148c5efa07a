# expect: :4: "jin_campaign" is a campaign, not a scenario
s/^scenario [a-z_0-9]*/scenario jin_campaign/
