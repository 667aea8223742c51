// libFuzzer target for the ELF loader: any input must give a clean error or a
// successful load (which is then unloaded), never a crash, an out-of-bounds
// access or undefined behaviour. Built with -DCLOUDABI_FUZZ=ON and clang:
//   build/bin/load_executable_fuzz -max_len=8192 build/tests/loader/fixtures/
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "runtime/loader/elf_image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const int fd = ::memfd_create("fuzz-input", MFD_CLOEXEC);
  if (fd < 0) std::abort();
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) {
    std::abort();
  }
  for (bool map_file : {true, false}) {
    auto image = cloudabi::loader::load_executable(
        fd, cloudabi::loader::LoadOptions{.randomize = false, .map_file = map_file});
    if (image) cloudabi::loader::unload(*image);
  }
  return 0;
}
