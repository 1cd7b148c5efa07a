# expect: :[0-9]+: bad hash line: turn "4294967298" out of range
s/^hash 2 /hash 4294967298 /
