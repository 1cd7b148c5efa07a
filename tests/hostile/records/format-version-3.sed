# expect: :1: format version 3 is not supported \(this engine reads 1 and 2\)
1s/.*/gyrfalcon-record 3/
