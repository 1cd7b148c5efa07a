# expect: :6: bad difficulty "4" \(0-3\)
s/^difficulty .*/difficulty 4/
