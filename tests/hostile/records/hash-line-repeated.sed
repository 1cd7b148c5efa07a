# expect: :[0-9]+: hash line for turn 2 where no turn began
/^hash 2 /p
