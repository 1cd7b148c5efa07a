# expect: :[0-9]+: truncated: the header ends before "begin"
/^begin/,$d
