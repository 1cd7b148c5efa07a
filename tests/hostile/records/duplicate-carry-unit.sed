# expect: :8: duplicate "carry-unit guard 0" line
/^difficulty /a carry-unit guard 0 3 1 0
/^difficulty /a carry-unit guard 0 3 1 0
