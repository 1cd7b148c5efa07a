# expect: :6: unknown header line "colour"
/^seed /a colour blue
