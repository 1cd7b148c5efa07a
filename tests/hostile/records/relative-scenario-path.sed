# expect: :4: bad scenario-file path "x.lua" \(must be absolute\)
s|^scenario-file .*|scenario-file path x.lua|
