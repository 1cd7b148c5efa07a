# expect: :10: bad hash "[0-9A-F]{16}" \(16 lowercase hex digits\)
/^hash 1 /s/ \([0-9a-f]*\)$/ \U\1/
