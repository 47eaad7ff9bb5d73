# CPack's DEB generator (tools/package drives it): two packages per architecture,
#   lungguide-cli  the text reader and the content pack, no GL or window system;
#   lungguide      the app, its fonts, desktop entry, icons and metainfo.
set(LUNGGUIDE_MAINTAINER "LungGuide maintainers <maintainers@lungguide.example.org>" CACHE STRING
    "Debian Maintainer field (set the real one before publishing)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lungguide)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The LungGuide authors")
set(CPACK_PACKAGE_CONTACT ${LUNGGUIDE_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${LUNGGUIDE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${LUNGGUIDE_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
if(CMAKE_CROSSCOMPILING AND LUNGGUIDE_DEB_ARCHITECTURE)
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${LUNGGUIDE_DEB_ARCHITECTURE})
endif()

set(CPACK_DEBIAN_CLI_PACKAGE_NAME lungguide-cli)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION science)
set(CPACK_COMPONENT_CLI_DESCRIPTION
    "lung cancer targeted drug therapy guide, text reader\n\
LungGuide holds the American Cancer Society page on targeted drug therapy\n\
for non-small cell lung cancer (last revised August 27, 2024) for reading\n\
offline: the drug classes, the drugs and their brands, the gene changes\n\
they are used for, and the common and the rare-but-serious side effects.\n\
.\n\
This package holds lungguide-cli, which reads, searches and exports the\n\
guide in a terminal and keeps bookmarks with notes, and the content pack.\n\
It needs no display. For medical questions, review the information with\n\
your doctor.")

set(CPACK_DEBIAN_APP_PACKAGE_NAME lungguide)
# dpkg-shlibdeps sees only what is linked (libGLESv2, libglfw, ...). GLFW loads libGL and
# libEGL with dlopen, and glvnd loads a vendor (Mesa) and its drivers: named here.
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS
    "lungguide-cli (= ${PROJECT_VERSION}), libgl1, libegl1, libglx-mesa0 | libglx-vendor, libegl-mesa0 | libegl-vendor")
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "libgl1-mesa-dri")
set(CPACK_COMPONENT_APP_DESCRIPTION
    "lung cancer targeted drug therapy guide for touch screens\n\
LungGuide holds the American Cancer Society page on targeted drug therapy for\n\
non-small cell lung cancer (last revised August 27, 2024) for reading offline,\n\
for people with lung cancer and the people who look after them: the drug\n\
classes, the drugs and their brands, the gene changes they are used for, and\n\
the common and the rare-but-serious side effects.\n\
.\n\
Large text, light, dark and high-contrast themes and finger-sized targets, for\n\
tablets, phones and desktops; search side effects in everyday words; bookmarks\n\
with notes and a summary for the doctor's visit. Nothing is fetched from the\n\
network. For medical questions, review the information with your doctor.")

if(TARGET lungguide)
    set(CPACK_COMPONENTS_ALL cli app)
else()
    set(CPACK_COMPONENTS_ALL cli)
endif()
include(CPack)
