# The content pack's signing key (docs/bookmarks.md, "The content pack is signed").
#
# The pack builder signs the pack with an Ed25519 key kept outside the repository; every
# program compiles in its public half (core/content/content_pack_signature.cpp includes the
# generated pack_public_key.h). The key is, in this order:
#   -DLUNGGUIDE_PACK_SIGNING_KEY=FILE            a release, or any build that names one
#   $LUNGGUIDE_SIGNING_KEY                       the same, from the environment
#   ~/.config/lungguide/pack-signing.key         a developer's own key, when there is one
#   <build>/pack-signing/throwaway.key           otherwise, made by the build, which says so
# A throwaway key's packs open only in programs of the same build folder: a fresh clone
# builds and tests with no key at hand, and nothing it makes can pass for a release's pack.
# A key file holds 64 hex digits (the Ed25519 seed); lungguide-pack-key makes one:
#   build/bin/lungguide-pack-key --key ~/.config/lungguide/pack-signing.key --make-if-missing
set(LUNGGUIDE_PACK_SIGNING_KEY "" CACHE FILEPATH
    "Ed25519 key that signs the content pack (default: $LUNGGUIDE_SIGNING_KEY, then ~/.config/lungguide/pack-signing.key, else a throwaway key made in the build folder)")

set(LUNGGUIDE_PACK_KEY_FOLDER ${CMAKE_BINARY_DIR}/pack-signing)
file(MAKE_DIRECTORY ${LUNGGUIDE_PACK_KEY_FOLDER})
set(throwaway_flag "")
if(LUNGGUIDE_PACK_SIGNING_KEY)
    set(LUNGGUIDE_PACK_SIGNING_KEY_FILE ${LUNGGUIDE_PACK_SIGNING_KEY})
    set(key_origin "the key -DLUNGGUIDE_PACK_SIGNING_KEY names")
elseif(NOT "$ENV{LUNGGUIDE_SIGNING_KEY}" STREQUAL "")
    set(LUNGGUIDE_PACK_SIGNING_KEY_FILE $ENV{LUNGGUIDE_SIGNING_KEY})
    set(key_origin "the key $LUNGGUIDE_SIGNING_KEY names")
elseif(DEFINED ENV{HOME} AND EXISTS "$ENV{HOME}/.config/lungguide/pack-signing.key")
    set(LUNGGUIDE_PACK_SIGNING_KEY_FILE "$ENV{HOME}/.config/lungguide/pack-signing.key")
    set(key_origin "your own key in ~/.config/lungguide")
else()
    set(LUNGGUIDE_PACK_SIGNING_KEY_FILE ${LUNGGUIDE_PACK_KEY_FOLDER}/throwaway.key)
    set(key_origin "a throwaway key made by this build (no key was given)")
    set(throwaway_flag --make-if-missing --throwaway)
endif()
get_filename_component(LUNGGUIDE_PACK_SIGNING_KEY_FILE ${LUNGGUIDE_PACK_SIGNING_KEY_FILE}
                       ABSOLUTE)
# A key found once stays this build folder's key (as CMake keeps the compiler it found), so
# a later run without $LUNGGUIDE_SIGNING_KEY does not quietly sign with another.
if(NOT throwaway_flag AND NOT LUNGGUIDE_PACK_SIGNING_KEY)
    set_property(CACHE LUNGGUIDE_PACK_SIGNING_KEY PROPERTY VALUE ${LUNGGUIDE_PACK_SIGNING_KEY_FILE})
endif()
if(NOT throwaway_flag AND NOT EXISTS ${LUNGGUIDE_PACK_SIGNING_KEY_FILE})
    message(FATAL_ERROR "The content pack signing key ${LUNGGUIDE_PACK_SIGNING_KEY_FILE} "
                        "does not exist (${key_origin}).")
endif()
message(STATUS "Content pack signing key: ${key_origin}: ${LUNGGUIDE_PACK_SIGNING_KEY_FILE}")
# Changes (and so rebuilds the header and the pack) only when the key's path does.
file(CONFIGURE OUTPUT ${LUNGGUIDE_PACK_KEY_FOLDER}/key-path.txt
     CONTENT "${LUNGGUIDE_PACK_SIGNING_KEY_FILE}\n")

# The key file's reader, for lungguide-pack-key and the pack builder: libsodium, no content.
add_library(lungguide_pack_key STATIC ${CMAKE_SOURCE_DIR}/tools/pack_builder/pack_signing_key.cpp)
target_include_directories(lungguide_pack_key PUBLIC ${CMAKE_SOURCE_DIR}/core
                           ${CMAKE_SOURCE_DIR}/tools/pack_builder)
target_link_libraries(lungguide_pack_key PUBLIC lungguide_common PkgConfig::SODIUM)
lungguide_warnings(lungguide_pack_key)
add_executable(lungguide-pack-key ${CMAKE_SOURCE_DIR}/tools/pack_builder/pack_key.cpp)
target_link_libraries(lungguide-pack-key PRIVATE lungguide_pack_key CLI11::CLI11)
lungguide_warnings(lungguide-pack-key)

# A cross build runs it under CMAKE_CROSSCOMPILING_EMULATOR, or takes the one beside
# LUNGGUIDE_HOST_PACK_BUILDER (tools/CMakeLists.txt).
if(LUNGGUIDE_HOST_PACK_BUILDER)
    get_filename_component(host_tools ${LUNGGUIDE_HOST_PACK_BUILDER} DIRECTORY)
    set(pack_key_tool ${host_tools}/lungguide-pack-key)
else()
    set(pack_key_tool lungguide-pack-key)
endif()
set(LUNGGUIDE_PACK_PUBLIC_KEY_HEADER ${LUNGGUIDE_PACK_KEY_FOLDER}/pack_public_key.h)
set(key_dependency "")
if(NOT throwaway_flag)
    set(key_dependency ${LUNGGUIDE_PACK_SIGNING_KEY_FILE})
endif()
add_custom_command(
    OUTPUT ${LUNGGUIDE_PACK_PUBLIC_KEY_HEADER}
    COMMAND ${pack_key_tool} --key ${LUNGGUIDE_PACK_SIGNING_KEY_FILE} ${throwaway_flag}
            --header ${LUNGGUIDE_PACK_PUBLIC_KEY_HEADER}
    DEPENDS ${pack_key_tool} ${LUNGGUIDE_PACK_KEY_FOLDER}/key-path.txt ${key_dependency}
    COMMENT "Content pack signing key: ${key_origin}"
    VERBATIM)
add_custom_target(lungguide_pack_public_key DEPENDS ${LUNGGUIDE_PACK_PUBLIC_KEY_HEADER})
set(LUNGGUIDE_PACK_KEY_ORIGIN ${key_origin})
