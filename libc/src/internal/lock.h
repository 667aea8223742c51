// A recursive lock for libc's own objects (streams). It spins and yields
// the processor while another thread holds it; critical sections are short.
// A thread is identified by the address of one of its thread-local objects.
#ifndef LIBC_LOCK_H
#define LIBC_LOCK_H

#include <cloudabi_syscalls.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

struct libc_lock {
  _Atomic(uintptr_t) owner;
  unsigned int depth;
};

extern _Thread_local char __libc_thread_token;

static inline uintptr_t libc_thread_self(void) { return (uintptr_t)&__libc_thread_token; }

static inline bool libc_lock_try(struct libc_lock *l) {
  uintptr_t self = libc_thread_self();
  if (atomic_load_explicit(&l->owner, memory_order_relaxed) == self) {
    ++l->depth;
    return true;
  }
  uintptr_t expected = 0;
  if (atomic_compare_exchange_strong_explicit(&l->owner, &expected, self, memory_order_acquire,
                                              memory_order_relaxed)) {
    l->depth = 1;
    return true;
  }
  return false;
}

static inline void libc_lock(struct libc_lock *l) {
  while (!libc_lock_try(l)) cloudabi_sys_thread_yield();
}

static inline void libc_unlock(struct libc_lock *l) {
  if (--l->depth == 0) atomic_store_explicit(&l->owner, 0, memory_order_release);
}

#endif
