# expect: ok
s/$/\r/
