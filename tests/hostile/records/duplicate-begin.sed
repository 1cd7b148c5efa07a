# expect: :10: unknown command "begin"
/^begin/p
