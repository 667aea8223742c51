// The few ELF definitions crt0 needs to relocate the program and to find the
// system calls in the vDSO.
#ifndef CRT_ELF_H
#define CRT_ELF_H

#include <stdint.h>

typedef struct {
  unsigned char e_ident[16];
  uint16_t e_type;
  uint16_t e_machine;
  uint32_t e_version;
  uint64_t e_entry;
  uint64_t e_phoff;
  uint64_t e_shoff;
  uint32_t e_flags;
  uint16_t e_ehsize;
  uint16_t e_phentsize;
  uint16_t e_phnum;
  uint16_t e_shentsize;
  uint16_t e_shnum;
  uint16_t e_shstrndx;
} crt_ehdr;

typedef struct {
  uint32_t p_type;
  uint32_t p_flags;
  uint64_t p_offset;
  uint64_t p_vaddr;
  uint64_t p_paddr;
  uint64_t p_filesz;
  uint64_t p_memsz;
  uint64_t p_align;
} crt_phdr;

typedef struct {
  int64_t d_tag;
  uint64_t d_val;
} crt_dyn;

typedef struct {
  uint64_t r_offset;
  uint64_t r_info;
  int64_t r_addend;
} crt_rela;

typedef struct {
  uint32_t st_name;
  unsigned char st_info;
  unsigned char st_other;
  uint16_t st_shndx;
  uint64_t st_value;
  uint64_t st_size;
} crt_sym;

#define CRT_PT_DYNAMIC 2
#define CRT_PT_TLS 7
#define CRT_PT_GNU_RELRO 0x6474e552

#define CRT_DT_NULL 0
#define CRT_DT_HASH 4
#define CRT_DT_STRTAB 5
#define CRT_DT_SYMTAB 6
#define CRT_DT_RELA 7
#define CRT_DT_RELASZ 8
#define CRT_DT_RELAENT 9

#define CRT_R_X86_64_RELATIVE 8
#define CRT_STB_GLOBAL 1
#define CRT_STT_FUNC 2
#define CRT_STV_DEFAULT 0

#endif
