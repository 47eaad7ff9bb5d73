# lungguide_compile_in_text(target input symbol): compiles a text file into target as
# `extern const char symbol[]` in namespace lungguide (cmake/embed_text.cmake writes the
# source at build time, again whenever the file changes). For data the program carries with
# it: the pronunciation list, search's word lists. The native and the browser build both
# call it, so both carry the same files.
function(lungguide_compile_in_text target input symbol)
    set(source ${CMAKE_CURRENT_BINARY_DIR}/generated/${symbol}.cpp)
    set(script ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_text.cmake)
    add_custom_command(
        OUTPUT ${source}
        COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${source} -DSYMBOL=${symbol} -P
                ${script}
        DEPENDS ${input} ${script}
        COMMENT "Compiling in ${input}"
        VERBATIM)
    target_sources(${target} PRIVATE ${source})
endfunction()
