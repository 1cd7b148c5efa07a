# expect: :[0-9]+: command "move [^"]*" refused: hex coordinate out of range
0,/^move /s/^\(move [0-9]* [0-9]*\) [-0-9]*/\1 -2147483649/
