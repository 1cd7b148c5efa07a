# expect: :3: scenario [a-z_0-9]+ has changed since this was recorded: .*\.lua \(content hash 0000000000000000, now
s/^\(scenario [a-z_0-9]*\) .*/\1 0000000000000000/
