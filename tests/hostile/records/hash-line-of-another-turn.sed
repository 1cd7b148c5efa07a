# expect: :[0-9]+: turn 3: state hash differs
s/^hash 2 /hash 3 /
