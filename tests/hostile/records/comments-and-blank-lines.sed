# expect: ok
/^begin/i # a comment the engine ignores
/^hash 2 /a\

