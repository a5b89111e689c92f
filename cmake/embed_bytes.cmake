# Writes OUT, a C file defining `const char *const NAME` (NUL-terminated)
# and `const unsigned long NAME_len` with the bytes of IN. A byte array has
# no length limit, unlike a string literal (-Woverlength-strings).
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" n2)
math(EXPR n "${n2} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," arr "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" arr "${arr}")
file(WRITE "${OUT}" "/* generated from ${NAME_SRC} by cmake/embed_bytes.cmake */\nextern const char *const ${NAME};\nextern const unsigned long ${NAME}_len;\nstatic const unsigned char bytes[] = {\n${arr}0x00};\nconst char *const ${NAME} = (const char *)bytes;\nconst unsigned long ${NAME}_len = ${n}ul;\n")
