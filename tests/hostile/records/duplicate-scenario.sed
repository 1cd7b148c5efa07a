# expect: :4: duplicate "scenario" line \(the first is line 3\)
/^scenario /p
