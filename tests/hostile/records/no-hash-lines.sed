# expect: :10: turn 1 began but its hash line is missing
/^hash /d
