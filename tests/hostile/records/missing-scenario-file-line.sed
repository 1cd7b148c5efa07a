# expect: :[0-9]+: missing "scenario-file" line before "begin"
/^scenario-file /d
