#include <link.h>

#include "libc_start.h"

// Programs are static: there is exactly one object, the program itself.
int dl_iterate_phdr(int (*callback)(struct dl_phdr_info *, size_t, void *), void *data) {
  struct dl_phdr_info info = {
      .dlpi_addr = (ElfW(Addr))__at_base,
      .dlpi_name = "",
      .dlpi_phdr = __at_phdr,
      .dlpi_phnum = (ElfW(Half))__at_phnum,
  };
  return callback(&info, sizeof(info), data);
}
