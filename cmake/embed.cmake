# cmake -DIN=FILE -DOUT=FILE.c -DNAME=symbol -P embed.cmake
# Turns a text file into a C source holding it as a NUL-terminated char
# array, so that the library carries it without a file lookup at run time.
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)"
       "\\1\n  " bytes "${bytes}")
file(WRITE "${OUT}.tmp"
     "/* Generated from ${IN} by cmake/embed.cmake: do not edit. */\n"
     "const char ${NAME}[] = {\n  ${bytes}0x00};\n")
file(RENAME "${OUT}.tmp" "${OUT}")
