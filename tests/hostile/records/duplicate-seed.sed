# expect: :6: duplicate "seed" line \(the first is line 5\)
/^seed /p
