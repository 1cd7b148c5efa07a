# expect: :6: bad difficulty "4294967297" \(0-3\)
s/^difficulty .*/difficulty 4294967297/
