#include <stdlib.h>

#include "pthread_impl.h"

extern _Atomic(size_t) __pthread_count;
void __cxa_thread_atexit_run(void);
void __pthread_key_run_destructors(void) __attribute__((weak));
void __pthread_zombie_add(struct __pthread *);

_Noreturn void pthread_exit(void *result) {
  struct __pthread *self = __pthread_self();
  __cxa_thread_atexit_run();
  if (__pthread_key_run_destructors != NULL) __pthread_key_run_destructors();
  self->result = result;

  // The last thread ends the process the way returning from main does.
  if (atomic_fetch_sub(&__pthread_count, 1) == 1) exit(0);

  int expected = THREAD_JOINABLE;
  if (self->map != NULL &&
      !atomic_compare_exchange_strong(&self->detach, &expected, THREAD_EXITING)) {
    // Detached: this thread cannot unmap the stack it runs on. The next
    // pthread_create or ending detached thread frees it once the system has
    // released the join lock, which it does after the thread is gone.
    while (!atomic_load(&self->started)) cloudabi_sys_thread_yield();
    __pthread_reclaim();
    __pthread_zombie_add(self);
  }
  cloudabi_sys_thread_exit(&self->join, CLOUDABI_SCOPE_PRIVATE);
}
