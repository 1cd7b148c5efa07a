# expect: :4: needs the scenario "no_such_battle", which is not installed
s/^scenario [a-z_0-9]*/scenario no_such_battle/
