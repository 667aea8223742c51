// _start: the first code of every CloudABI program. The system enters it with
// the auxiliary vector and nothing else: the program relocates itself, binds
// the system calls from the vDSO, sets up its TLS, runs constructors and calls
// program_main. Built freestanding, without stack protector or SafeStack,
// because none of that works before this code has run.
#include <cloudabi_syscalls.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "argdata_impl.h"
#include "crt_elf.h"
#include "libc_start.h"

// Filled in by the generated syscall table (libc/syscalls.c).
extern void *__cloudabi_syscall_table[];
extern const char *const __cloudabi_syscall_names[];
extern const unsigned int __cloudabi_syscall_count;

// Process information other parts of libc read.
const void *__at_argdata;
size_t __at_argdatalen;
const void *__at_base;
size_t __at_ncpus = 1;
size_t __at_pagesz = 1;
const void *__at_phdr;
size_t __at_phnum;
const void *__at_pid;
uint32_t __at_tid = 1;

struct __pt_tls __pt_tls;

uintptr_t __stack_chk_guard;
void *__dso_handle = NULL;

// SafeStack's unsafe stack pointer; the main thread's unsafe stack is static.
_Thread_local void *__safestack_unsafe_stack_ptr;
// The thread's ID as lock words hold it; pthread_create sets it in new threads.
_Thread_local cloudabi_tid_t __pthread_thread_id;
static alignas(16) char main_unsafe_stack[1 << 20];

// Provided by the linker for static executables.
extern void (*const __preinit_array_start[])(void) __attribute__((weak));
extern void (*const __preinit_array_end[])(void) __attribute__((weak));
extern void (*const __init_array_start[])(void) __attribute__((weak));
extern void (*const __init_array_end[])(void) __attribute__((weak));

void program_main(const argdata_t *ad);

static bool has_prefix(const char *s, const char *prefix, const char **rest) {
  while (*prefix != '\0') {
    if (*s++ != *prefix++) return false;
  }
  *rest = s;
  return true;
}

static bool equal(const char *a, const char *b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}

// Binds every cloudabi_sys_* function the vDSO exports to its slot. Slots of
// calls the vDSO lacks keep their ENOSYS defaults; unknown symbols are ignored.
static void link_vdso(const crt_ehdr *ehdr) {
  if (ehdr == NULL) return;
  const char *base = (const char *)ehdr;
  const crt_phdr *phdr = (const crt_phdr *)(base + ehdr->e_phoff);
  const crt_dyn *dyn = NULL;
  for (size_t i = 0; i < ehdr->e_phnum; ++i)
    if (phdr[i].p_type == CRT_PT_DYNAMIC) dyn = (const crt_dyn *)(base + phdr[i].p_vaddr);
  if (dyn == NULL) return;

  const uint32_t *hash = NULL;
  const char *strtab = NULL;
  const crt_sym *symtab = NULL;
  for (; dyn->d_tag != CRT_DT_NULL; ++dyn) {
    if (dyn->d_tag == CRT_DT_HASH) hash = (const uint32_t *)(base + dyn->d_val);
    if (dyn->d_tag == CRT_DT_STRTAB) strtab = base + dyn->d_val;
    if (dyn->d_tag == CRT_DT_SYMTAB) symtab = (const crt_sym *)(base + dyn->d_val);
  }
  if (hash == NULL || strtab == NULL || symtab == NULL) return;

  uint32_t nsyms = hash[1];
  for (uint32_t i = 0; i < nsyms; ++i) {
    const crt_sym *sym = &symtab[i];
    const char *suffix;
    if ((sym->st_info >> 4) != CRT_STB_GLOBAL || (sym->st_info & 0xf) != CRT_STT_FUNC ||
        (sym->st_other & 0x3) != CRT_STV_DEFAULT || sym->st_name == 0 ||
        !has_prefix(strtab + sym->st_name, "cloudabi_sys_", &suffix))
      continue;
    for (unsigned int j = 0; j < __cloudabi_syscall_count; ++j) {
      if (equal(suffix, __cloudabi_syscall_names[j])) {
        __cloudabi_syscall_table[j] = (void *)(base + sym->st_value);
        break;
      }
    }
  }
}

// Applies R_X86_64_RELATIVE relocations; returns false if others are present.
static bool relocate(const char *base, const crt_dyn *dyn) {
  const crt_rela *rela = NULL;
  size_t relasz = 0;
  size_t relaent = sizeof(crt_rela);
  for (; dyn != NULL && dyn->d_tag != CRT_DT_NULL; ++dyn) {
    if (dyn->d_tag == CRT_DT_RELA) rela = (const crt_rela *)(base + dyn->d_val);
    if (dyn->d_tag == CRT_DT_RELASZ) relasz = dyn->d_val;
    if (dyn->d_tag == CRT_DT_RELAENT) relaent = dyn->d_val;
  }
  bool ok = true;
  for (size_t off = 0; rela != NULL && relaent != 0 && off + relaent <= relasz; off += relaent) {
    const crt_rela *r = (const crt_rela *)((const char *)rela + off);
    if ((r->r_info & 0xffffffff) == CRT_R_X86_64_RELATIVE) {
      *(uintptr_t *)(base + r->r_offset) = (uintptr_t)base + (uintptr_t)r->r_addend;
    } else {
      ok = false;
    }
  }
  return ok;
}

static int identity_fd(void *arg, size_t fd) {
  (void)arg;
  return fd > INT32_MAX ? -1 : (int)fd;
}

static void *copy_bytes(void *dst, const void *src, size_t n) {
  char *d = dst;
  const char *s = src;
  while (n-- > 0) *d++ = *s++;
  return dst;
}

static void zero_bytes(void *dst, size_t n) {
  volatile char *d = dst;
  while (n-- > 0) *d++ = 0;
}

_Noreturn void _start(const cloudabi_auxv_t *auxv) {
  const crt_ehdr *vdso = NULL;
  const void *canary = NULL;
  size_t canarylen = 0;
  for (; auxv->a_type != CLOUDABI_AT_NULL; ++auxv) {
    switch (auxv->a_type) {
      case CLOUDABI_AT_ARGDATA:
        __at_argdata = auxv->a_ptr;
        break;
      case CLOUDABI_AT_ARGDATALEN:
        __at_argdatalen = auxv->a_val;
        break;
      case CLOUDABI_AT_BASE:
        __at_base = auxv->a_ptr;
        break;
      case CLOUDABI_AT_CANARY:
        canary = auxv->a_ptr;
        break;
      case CLOUDABI_AT_CANARYLEN:
        canarylen = auxv->a_val;
        break;
      case CLOUDABI_AT_NCPUS:
        __at_ncpus = auxv->a_val;
        break;
      case CLOUDABI_AT_PAGESZ:
        __at_pagesz = auxv->a_val;
        break;
      case CLOUDABI_AT_PHDR:
        __at_phdr = auxv->a_ptr;
        break;
      case CLOUDABI_AT_PHNUM:
        __at_phnum = auxv->a_val;
        break;
      case CLOUDABI_AT_PID:
        __at_pid = auxv->a_ptr;
        break;
      case CLOUDABI_AT_SYSINFO_EHDR:
        vdso = auxv->a_ptr;
        break;
      case CLOUDABI_AT_TID:
        __at_tid = (uint32_t)auxv->a_val;
        break;
    }
  }

  // The globals above are stored before relocation on purpose: none of them
  // holds a link-time address, so relocation does not touch them.
  const char *base = __at_base;
  const crt_phdr *phdr = __at_phdr;
  const crt_dyn *dynamic = NULL;
  uintptr_t relro_start = 0, relro_end = 0;
  for (size_t i = 0; phdr != NULL && i < __at_phnum; ++i) {
    const crt_phdr *ph = &phdr[i];
    if (ph->p_type == CRT_PT_DYNAMIC) {
      dynamic = (const crt_dyn *)(base + ph->p_vaddr);
    } else if (ph->p_type == CRT_PT_GNU_RELRO) {
      uintptr_t start = (uintptr_t)base + ph->p_vaddr;
      relro_start = (start + __at_pagesz - 1) / __at_pagesz * __at_pagesz;
      relro_end = (start + ph->p_memsz) / __at_pagesz * __at_pagesz;
    } else if (ph->p_type == CRT_PT_TLS) {
      size_t align = ph->p_align < 1 ? 1 : ph->p_align;
      __pt_tls.image = base + ph->p_vaddr;
      __pt_tls.filesz = ph->p_filesz;
      __pt_tls.memsz = (ph->p_memsz + align - 1) / align * align;
      __pt_tls.align = align;
    }
  }

  bool relocated = relocate(base, dynamic);
  link_vdso(vdso);
  if (!relocated) {
    cloudabi_sys_proc_raise(CLOUDABI_SIGABRT);
    cloudabi_sys_proc_exit(127);
  }
  if (relro_end > relro_start)
    cloudabi_sys_mem_protect((void *)relro_start, relro_end - relro_start, CLOUDABI_PROT_READ);

  if (canary != NULL)
    copy_bytes(&__stack_chk_guard, canary,
               canarylen < sizeof(__stack_chk_guard) ? canarylen : sizeof(__stack_chk_guard));

  // TLS variant II: the TLS block ends where the TCB starts, and %fs:0 holds
  // the TCB's address. The block lives on this stack frame, which never returns.
  size_t tcb_align =
      __pt_tls.align > alignof(cloudabi_tcb_t) ? __pt_tls.align : alignof(cloudabi_tcb_t);
  char tls_area[__pt_tls.memsz + sizeof(cloudabi_tcb_t) + tcb_align];
  uintptr_t tcb_addr =
      ((uintptr_t)tls_area + __pt_tls.memsz + tcb_align - 1) / tcb_align * tcb_align;
  char *block = (char *)tcb_addr - __pt_tls.memsz;
  copy_bytes(block, __pt_tls.image, __pt_tls.filesz);
  zero_bytes(block + __pt_tls.filesz, __pt_tls.memsz - __pt_tls.filesz);
  __libc_tls_replace((cloudabi_tcb_t *)tcb_addr);

  __safestack_unsafe_stack_ptr = main_unsafe_stack + sizeof(main_unsafe_stack);
  __pthread_thread_id = __at_tid;

  size_t n = __preinit_array_end - __preinit_array_start;
  for (size_t i = 0; i < n; ++i) __preinit_array_start[i]();
  n = __init_array_end - __init_array_start;
  for (size_t i = 0; i < n; ++i) __init_array_start[i]();

  argdata_t ad;
  argdata_init_buffer(&ad, __at_argdata, __at_argdatalen, identity_fd, NULL);
  program_main(&ad);
  // program_main must not return; a program that does exits cleanly.
  cloudabi_sys_proc_exit(0);
}
