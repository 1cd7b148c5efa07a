# expect: :[0-9]+: missing "difficulty" line before "begin"
/^difficulty /d
