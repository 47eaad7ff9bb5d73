# `cmake --install`: programs in bin/, read-only data in share/lungguide/, the desktop
# entry, icons, AppStream metainfo, man pages and the copyright file where Linux looks.
# Relocatable: the programs find share/lungguide/ relative to themselves (core/data_files.h),
# so any prefix works: /usr for the .deb, /usr/local, /opt/lungguide or a test root.
set(LUNGGUIDE_DATA_DESTINATION share/lungguide)
set(LUNGGUIDE_APP_ID org.lungguide.LungGuide)
set(LUNGGUIDE_HOMEPAGE "https://lungguide.example.org/" CACHE STRING
    "Project home page for AppStream (set the real one before publishing)")
set(LUNGGUIDE_SCREENSHOT_BASE "${LUNGGUIDE_HOMEPAGE}screenshots" CACHE STRING
    "Where docs/screenshots/ is published, for AppStream")

# The release's version and date come from packaging/debian/changelog: one home for both,
# and SOURCE_DATE_EPOCH for deterministic man pages.
file(STRINGS ${CMAKE_SOURCE_DIR}/packaging/debian/changelog LUNGGUIDE_CHANGELOG_HEAD LIMIT_COUNT 1)
file(STRINGS ${CMAKE_SOURCE_DIR}/packaging/debian/changelog LUNGGUIDE_CHANGELOG_TRAILER
     REGEX "^ -- ")
list(GET LUNGGUIDE_CHANGELOG_TRAILER 0 LUNGGUIDE_CHANGELOG_TRAILER)
string(REGEX REPLACE "^[^ ]+ \\(([^)]+)\\).*" "\\1" LUNGGUIDE_CHANGELOG_VERSION
       "${LUNGGUIDE_CHANGELOG_HEAD}")
if(NOT LUNGGUIDE_CHANGELOG_VERSION STREQUAL PROJECT_VERSION)
    message(FATAL_ERROR "packaging/debian/changelog is at ${LUNGGUIDE_CHANGELOG_VERSION} but "
                        "the project is ${PROJECT_VERSION}: add a changelog entry.")
endif()
string(REGEX REPLACE "^ -- .*>  " "" LUNGGUIDE_RELEASE_DATE_RFC2822 "${LUNGGUIDE_CHANGELOG_TRAILER}")
execute_process(COMMAND date -u -d "${LUNGGUIDE_RELEASE_DATE_RFC2822}" +%s
                OUTPUT_VARIABLE LUNGGUIDE_SOURCE_DATE_EPOCH OUTPUT_STRIP_TRAILING_WHITESPACE
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND date -u -d "@${LUNGGUIDE_SOURCE_DATE_EPOCH}" +%Y-%m-%d
                OUTPUT_VARIABLE LUNGGUIDE_RELEASE_DATE OUTPUT_STRIP_TRAILING_WHITESPACE
                COMMAND_ERROR_IS_FATAL ANY)

set(LUNGGUIDE_GENERATED ${CMAKE_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${LUNGGUIDE_GENERATED})
find_program(LUNGGUIDE_GZIP gzip REQUIRED)

# changelog.gz, compressed without a timestamp so the bytes only depend on the text.
add_custom_command(
    OUTPUT ${LUNGGUIDE_GENERATED}/changelog.gz
    COMMAND ${LUNGGUIDE_GZIP} -9nc ${CMAKE_SOURCE_DIR}/packaging/debian/changelog
            > ${LUNGGUIDE_GENERATED}/changelog.gz
    DEPENDS ${CMAKE_SOURCE_DIR}/packaging/debian/changelog
    VERBATIM)
add_custom_target(lungguide_changelog ALL DEPENDS ${LUNGGUIDE_GENERATED}/changelog.gz)

# Man pages from --help (help2man), the extra sections from docs/man/. A cross build runs
# the program through CMAKE_CROSSCOMPILING_EMULATOR; the text is the same on every arch.
find_program(LUNGGUIDE_HELP2MAN help2man)
function(lungguide_man_page program summary component)
    if(NOT LUNGGUIDE_HELP2MAN)
        message(STATUS "help2man not found: no man page for ${program}")
        return()
    endif()
    set(runner "$<TARGET_FILE:${program}>")
    if(CMAKE_CROSSCOMPILING AND CMAKE_CROSSCOMPILING_EMULATOR)
        list(JOIN CMAKE_CROSSCOMPILING_EMULATOR " " emulator)
        set(runner "${emulator} ${runner}")
    endif()
    set(page ${LUNGGUIDE_GENERATED}/${program}.1)
    add_custom_command(
        OUTPUT ${page}.gz
        COMMAND ${CMAKE_COMMAND} -E env SOURCE_DATE_EPOCH=${LUNGGUIDE_SOURCE_DATE_EPOCH}
                LUNGGUIDE_PACK=${LUNGGUIDE_PACK}
                ${LUNGGUIDE_HELP2MAN} --no-info --section=1 --version-string=${PROJECT_VERSION}
                "--name=${summary}" "--source=LungGuide ${PROJECT_VERSION}"
                --include=${CMAKE_SOURCE_DIR}/docs/man/${program}.h2m --output=${page} ${runner}
        COMMAND ${LUNGGUIDE_GZIP} -9nf ${page}
        DEPENDS ${program} ${CMAKE_SOURCE_DIR}/docs/man/${program}.h2m
        COMMENT "Writing the man page of ${program}"
        VERBATIM)
    add_custom_target(${program}_man_page ALL DEPENDS ${page}.gz)
    install(FILES ${page}.gz DESTINATION share/man/man1 COMPONENT ${component})
endfunction()

# The command-line reader and the content pack: everything that needs no screen.
install(TARGETS lungguide-cli RUNTIME DESTINATION bin COMPONENT cli)
install(FILES ${LUNGGUIDE_PACK} ${CMAKE_SOURCE_DIR}/LICENSE
        DESTINATION ${LUNGGUIDE_DATA_DESTINATION} COMPONENT cli)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/debian/copyright ${LUNGGUIDE_GENERATED}/changelog.gz
        DESTINATION share/doc/lungguide-cli COMPONENT cli)
lungguide_man_page(lungguide-cli "read the lung cancer targeted drug therapy guide in a terminal"
                   cli)

# The app: the window, its fonts, and how desktops and software centres show it.
if(TARGET lungguide)
    install(TARGETS lungguide RUNTIME DESTINATION bin COMPONENT app)
    install(FILES ${CMAKE_SOURCE_DIR}/assets/fonts/NotoSans-Regular.ttf
                  ${CMAKE_SOURCE_DIR}/assets/fonts/NotoSans-Bold.ttf
                  ${CMAKE_SOURCE_DIR}/assets/fonts/NOTO-LICENSE.txt
            DESTINATION ${LUNGGUIDE_DATA_DESTINATION}/fonts COMPONENT app)
    install(FILES ${CMAKE_SOURCE_DIR}/packaging/debian/copyright
                  ${LUNGGUIDE_GENERATED}/changelog.gz
            DESTINATION share/doc/lungguide COMPONENT app)
    set(desktop ${CMAKE_SOURCE_DIR}/assets/desktop)
    install(FILES ${desktop}/${LUNGGUIDE_APP_ID}.desktop DESTINATION share/applications
            COMPONENT app)
    configure_file(${desktop}/${LUNGGUIDE_APP_ID}.metainfo.xml
                   ${LUNGGUIDE_GENERATED}/${LUNGGUIDE_APP_ID}.metainfo.xml @ONLY)
    install(FILES ${LUNGGUIDE_GENERATED}/${LUNGGUIDE_APP_ID}.metainfo.xml
            DESTINATION share/metainfo COMPONENT app)
    install(FILES ${desktop}/${LUNGGUIDE_APP_ID}.svg
            DESTINATION share/icons/hicolor/scalable/apps COMPONENT app)
    foreach(size 48 64 128 256)
        install(FILES ${desktop}/icon-${size}.png
                DESTINATION share/icons/hicolor/${size}x${size}/apps
                RENAME ${LUNGGUIDE_APP_ID}.png COMPONENT app)
    endforeach()
    lungguide_man_page(lungguide "touch-friendly offline guide to lung cancer targeted drug therapy"
                       app)
endif()
