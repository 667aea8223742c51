# CMake toolchain file for CloudABI programs on x86_64: Debian's clang-14 and
# lld-14 with this project's sysroot (libc, headers, crt objects).
#
#   cmake -DCMAKE_TOOLCHAIN_FILE=<repo>/toolchain/x86_64-unknown-cloudabi.cmake \
#         -DCLOUDABI_SYSROOT=<build>/sysroot ...
#
# clang's CloudABI driver ignores --sysroot for its search paths, so the include
# and library directories are passed explicitly (see
# shared/reference/toolchain-notes.md).

set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CLOUDABI_TRIPLE x86_64-unknown-cloudabi)

if(NOT CLOUDABI_SYSROOT)
  message(FATAL_ERROR "Set CLOUDABI_SYSROOT to the sysroot directory of a cloudabi build "
                      "(for example -DCLOUDABI_SYSROOT=$PWD/build/sysroot).")
endif()
# try_compile projects re-read this file; hand them the sysroot too.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES CLOUDABI_SYSROOT)

find_program(CLOUDABI_CLANG NAMES clang-14 REQUIRED)
find_program(CLOUDABI_CLANGXX NAMES clang++-14 REQUIRED)
find_program(CLOUDABI_AR NAMES llvm-ar-14 REQUIRED)
find_program(CLOUDABI_RANLIB NAMES llvm-ranlib-14 REQUIRED)

set(CMAKE_C_COMPILER ${CLOUDABI_CLANG})
set(CMAKE_CXX_COMPILER ${CLOUDABI_CLANGXX})
set(CMAKE_ASM_COMPILER ${CLOUDABI_CLANG})
set(CMAKE_C_COMPILER_TARGET ${CLOUDABI_TRIPLE})
set(CMAKE_CXX_COMPILER_TARGET ${CLOUDABI_TRIPLE})
set(CMAKE_ASM_COMPILER_TARGET ${CLOUDABI_TRIPLE})
set(CMAKE_AR ${CLOUDABI_AR})
set(CMAKE_RANLIB ${CLOUDABI_RANLIB})

# The compiler cannot link anything before libc exists.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

execute_process(COMMAND ${CLOUDABI_CLANG} -print-resource-dir
                OUTPUT_VARIABLE CLOUDABI_CLANG_RESOURCE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE)

set(CMAKE_C_FLAGS_INIT
    "-nostdinc -isystem ${CLOUDABI_SYSROOT}/include -isystem ${CLOUDABI_CLANG_RESOURCE_DIR}/include")
set(CMAKE_ASM_FLAGS_INIT "${CMAKE_C_FLAGS_INIT}")
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "-fuse-ld=lld -B${CLOUDABI_SYSROOT}/lib -L${CLOUDABI_SYSROOT}/lib -Wno-unused-command-line-argument")

set(CMAKE_FIND_ROOT_PATH ${CLOUDABI_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
