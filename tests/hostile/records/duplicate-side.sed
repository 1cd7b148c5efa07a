# expect: :8: duplicate "side jin" line \(the first is line 7\)
/^side jin /p
