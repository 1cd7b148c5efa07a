# expect: :[0-9]+: command "attack [^"]*" refused: expected "attack FACTION Q R ATTACKER\.\.\." \(1 to 6 attackers\)
0,/^attack /s/^attack .*/& 1 2 3 4 5 6/
