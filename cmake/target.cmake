# Builds everything that runs inside the sandbox (libc, examples, CloudABI test
# programs) as a separate CMake project with the CloudABI toolchain file. It
# needs the generated headers first. A sanitizer build can reuse the target
# binaries of another build tree with -DCLOUDABI_PREBUILT_TARGET=<build dir>.
set(CLOUDABI_PREBUILT_TARGET "" CACHE PATH "Build tree whose target/ binaries to reuse")

if(CLOUDABI_PREBUILT_TARGET)
  set(CLOUDABI_TARGET_BINARY_DIR ${CLOUDABI_PREBUILT_TARGET}/target)
  set(CLOUDABI_SYSROOT ${CLOUDABI_PREBUILT_TARGET}/sysroot)
  add_custom_target(target_build)
else()
  include(ExternalProject)
  set(CLOUDABI_TARGET_BINARY_DIR ${CMAKE_BINARY_DIR}/target)
  ExternalProject_Add(target_build
    SOURCE_DIR ${CMAKE_SOURCE_DIR}/target
    BINARY_DIR ${CLOUDABI_TARGET_BINARY_DIR}
    CMAKE_GENERATOR Ninja
    CMAKE_ARGS
      -DCMAKE_TOOLCHAIN_FILE=${CMAKE_SOURCE_DIR}/toolchain/x86_64-unknown-cloudabi.cmake
      -DCLOUDABI_SYSROOT=${CLOUDABI_SYSROOT}
      -DCLOUDABI_GENERATED=${CLOUDABI_GENERATED}
      -DCMAKE_BUILD_TYPE=Release
    BUILD_ALWAYS ON
    INSTALL_COMMAND ""
    USES_TERMINAL_BUILD ON
    DEPENDS abi_generated)
endif()
