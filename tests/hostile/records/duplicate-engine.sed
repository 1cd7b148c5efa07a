# expect: :3: duplicate "engine" line \(the first is line 2\)
/^engine /p
