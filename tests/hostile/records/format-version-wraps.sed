# expect: :1: format version "4294967297" is not supported
1s/.*/gyrfalcon-record 4294967297/
