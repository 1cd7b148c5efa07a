# expect: :5: bad seed
s/^seed .*/& 7/
