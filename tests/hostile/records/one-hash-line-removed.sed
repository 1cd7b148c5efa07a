# expect: :[0-9]+: turn 2 began but its hash line is missing
/^hash 2 /d
