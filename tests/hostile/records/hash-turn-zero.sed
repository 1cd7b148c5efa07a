# expect: :10: bad hash line: turn "0" out of range
s/^hash 1 /hash 0 /
