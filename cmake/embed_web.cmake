# Writes OUT, one C file with every file under DIR (the web application,
# web/), for src/server/web.c (cmake -P mode):
#
#   const unsigned long spoor_web_n;               number of files
#   const char *const spoor_web_pad[];             "index.html", "js/app.js", ...
#   const unsigned char *const spoor_web_data[];   the bytes (NUL-terminated)
#   const unsigned long spoor_web_len[];           their lengths
#
# Files are sorted by path, so the output is reproducible. Hidden files and
# editor backups are left out; a path with other characters than
# A-Z a-z 0-9 . _ - / stops the build (it could not be a clean URL).
file(GLOB_RECURSE files RELATIVE "${DIR}" "${DIR}/*")
list(SORT files)
set(body "")
set(tabel_pad "")
set(tabel_data "")
set(tabel_len "")
set(i 0)
foreach(f ${files})
  if(f MATCHES "(^|/)\\." OR f MATCHES "~$" OR f MATCHES "\\.sw[a-p]$")
    continue()
  endif()
  if(NOT f MATCHES "^[A-Za-z0-9._/-]+$")
    message(FATAL_ERROR "embed_web: '${f}': only A-Z a-z 0-9 . _ - / in web/ file names")
  endif()
  file(READ "${DIR}/${f}" hex HEX)
  string(LENGTH "${hex}" n2)
  math(EXPR n "${n2} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," arr "${hex}")
  string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" arr "${arr}")
  string(APPEND body "/* ${f} */\nstatic const unsigned char b${i}[] = {\n${arr}0x00};\n")
  string(APPEND tabel_pad "\t\"${f}\",\n")
  string(APPEND tabel_data "\tb${i},\n")
  string(APPEND tabel_len "\t${n}ul,\n")
  math(EXPR i "${i} + 1")
endforeach()
if(i EQUAL 0)
  message(FATAL_ERROR "embed_web: no files under ${DIR}")
endif()
file(WRITE "${OUT}"
  "/* generated from web/ by cmake/embed_web.cmake */\n"
  "extern const unsigned long spoor_web_n;\n"
  "extern const char *const spoor_web_pad[];\n"
  "extern const unsigned char *const spoor_web_data[];\n"
  "extern const unsigned long spoor_web_len[];\n"
  "${body}"
  "const unsigned long spoor_web_n = ${i}ul;\n"
  "const char *const spoor_web_pad[] = {\n${tabel_pad}};\n"
  "const unsigned char *const spoor_web_data[] = {\n${tabel_data}};\n"
  "const unsigned long spoor_web_len[] = {\n${tabel_len}};\n")
