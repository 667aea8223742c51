// link.h: the program's ELF headers, for unwinders and similar code.
#ifndef _LINK_H_
#define _LINK_H_

#include <_/cdefs.h>
#include <_/types.h>

typedef struct {
  __uint32_t p_type;
  __uint32_t p_flags;
  __uint64_t p_offset;
  __uint64_t p_vaddr;
  __uint64_t p_paddr;
  __uint64_t p_filesz;
  __uint64_t p_memsz;
  __uint64_t p_align;
} __ElfW_Phdr;

#define ElfW(type) __ElfW_##type
typedef __uint64_t __ElfW_Addr;
typedef __uint16_t __ElfW_Half;

struct dl_phdr_info {
  ElfW(Addr) dlpi_addr;
  const char *dlpi_name;
  const ElfW(Phdr) * dlpi_phdr;
  ElfW(Half) dlpi_phnum;
};

__BEGIN_DECLS
int dl_iterate_phdr(int (*)(struct dl_phdr_info *, __size_t, void *), void *);
__END_DECLS

#endif
