# expect: :[0-9]+: command "move [0-9]+ 4294967296 [^"]*" refused: unit out of range
0,/^move /s/^move \([0-9]*\) [0-9]*/move \1 4294967296/
