# expect: :5: duplicate "scenario-file" line \(the first is line 4\)
/^scenario-file /p
