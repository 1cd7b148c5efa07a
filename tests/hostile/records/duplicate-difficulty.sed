# expect: :7: duplicate "difficulty" line \(the first is line 6\)
/^difficulty /p
