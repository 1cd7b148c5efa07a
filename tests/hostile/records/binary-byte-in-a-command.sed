# expect: :[0-9]+: binary data in the file
0,/^end /s/^end /end\x01/
