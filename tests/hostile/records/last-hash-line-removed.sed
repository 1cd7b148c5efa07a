# expect: :[0-9]+: truncated: turn [0-9]+ began after this line but its hash line is missing
${/^hash /d}
