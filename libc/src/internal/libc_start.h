// Start-up state shared between crt0 and the rest of libc.
#ifndef LIBC_START_H
#define LIBC_START_H

#include <cloudabi_types.h>
#include <stddef.h>
#include <stdint.h>

// The PT_TLS template; memsz is rounded up to align.
struct __pt_tls {
  const void *image;
  size_t filesz;
  size_t memsz;
  size_t align;
};
extern struct __pt_tls __pt_tls;

extern const void *__at_argdata;
extern size_t __at_argdatalen;
extern const void *__at_base;
extern size_t __at_ncpus;
extern size_t __at_pagesz;
extern const void *__at_phdr;
extern size_t __at_phnum;
extern const void *__at_pid;
extern uint32_t __at_tid;

// Installs a new TCB: copies the current one into *tcb and points %fs:0 at it.
static inline void __libc_tls_replace(cloudabi_tcb_t *tcb) {
  cloudabi_tcb_t *old;
  __asm__ volatile("mov %%fs:0, %0" : "=r"(old));
  *tcb = *old;
  __asm__ volatile("mov %0, %%fs:0" : : "r"(tcb) : "memory");
}

#endif
