# Writes OUT, a C file defining `const char NAME[]` (NUL-terminated) with
# the text of IN. Used to compile data/ tables into the binary (cmake -P
# mode). Character constants, not a string literal: a literal has a length
# limit (-Woverlength-strings, 4095 bytes in C99) that a table may pass.
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," arr "${hex}")
string(REPEAT "'[^']*'," 12 twaalf)
string(REGEX REPLACE "(${twaalf})" "\\1\n" arr "${arr}")
file(WRITE "${OUT}" "/* generated from ${NAME_SRC} by cmake/embed.cmake */\nextern const char ${NAME}[];\nconst char ${NAME}[] = {\n${arr}'\\0'};\n")
