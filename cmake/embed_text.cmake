# Writes a C++ source that holds a text file as one string, so a program carries the file
# with it (the pronunciation list, search's word lists: the app, the CLI and the browser build
# all read them and none should have to find a file). Run as a script at build time
# (cmake/compile_in_text.cmake sets it up):
#   cmake -DINPUT=file.json -DOUTPUT=file.cpp -DSYMBOL=name -P embed_text.cmake
# The string is `extern const char SYMBOL[]` in namespace lungguide.
file(READ "${INPUT}" text)
set(delimiter "embedded_text") # at most 16 characters
string(FIND "${text}" ")${delimiter}" clash)
if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${INPUT} contains the raw string's delimiter")
endif()
set(source "// Written by cmake/embed_text.cmake from ${INPUT}; do not edit.\n")
string(APPEND source "namespace lungguide {\nextern const char ${SYMBOL}[];\n")
string(APPEND source "const char ${SYMBOL}[] = R\"${delimiter}(${text})${delimiter}\";\n}\n")
file(WRITE "${OUTPUT}.new" "${source}")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
