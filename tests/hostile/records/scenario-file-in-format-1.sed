# expect: :4: "scenario-file" is not part of format 1
1s/.*/gyrfalcon-record 1/
