# expect: ok
1s/.*/gyrfalcon-record 1/
/^scenario-file /d
/^difficulty /d
