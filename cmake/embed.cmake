# Writes OUT, a C file defining `const char NAME[]` with the text of IN.
# Used to compile data/ tables into the binary (cmake -P mode).
file(READ "${IN}" text)
string(REPLACE "\\" "\\\\" text "${text}")
string(REPLACE "\"" "\\\"" text "${text}")
string(REPLACE "\t" "\\t" text "${text}")
string(REPLACE "\n" "\\n\"\n\"" text "${text}")
file(WRITE "${OUT}" "/* generated from ${NAME_SRC} by cmake/embed.cmake */\nextern const char ${NAME}[];\nconst char ${NAME}[] =\n\"${text}\";\n")
