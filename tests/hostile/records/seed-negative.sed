# expect: :5: bad seed "-1"
s/^seed .*/seed -1/
