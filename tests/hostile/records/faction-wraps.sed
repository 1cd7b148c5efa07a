# expect: :[0-9]+: command "end 4294967296" refused: faction out of range
0,/^end /s/^end .*/end 4294967296/
