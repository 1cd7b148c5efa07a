# expect: :[0-9]+: turn 1: (state hash differs|command "[^"]*" refused)
0,/^move /{/^move /d}
