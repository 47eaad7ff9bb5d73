# Cross build for arm64 (Raspberry Pi 4/5, PineTab2, Linux tablets) with Debian's multiarch
# toolchain: crossbuild-essential-arm64 and the :arm64 -dev packages beside the amd64 ones
# (tools/install-dependencies arm64). Programs that must run at build time (the pack builder,
# help2man's --help) and tests run under qemu-user.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(LUNGGUIDE_DEB_ARCHITECTURE arm64)

# pkg-config must read the arm64 .pc files, never the build machine's.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")

# Multiarch keeps the arm64 libraries in /usr/lib/aarch64-linux-gnu and the loader in /lib,
# so qemu needs no sysroot.
find_program(LUNGGUIDE_QEMU_AARCH64 qemu-aarch64-static qemu-aarch64)
if(LUNGGUIDE_QEMU_AARCH64)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${LUNGGUIDE_QEMU_AARCH64})
endif()
