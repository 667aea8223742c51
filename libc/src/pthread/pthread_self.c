#include "pthread_impl.h"

// The initial thread's object; crt0 knows nothing of pthreads, so its join
// lock is claimed for the initial thread's ID when first needed.
static struct __pthread initial_thread = {
    .join = CLOUDABI_LOCK_BOGUS,
    .detach = THREAD_JOINABLE,
    .started = true,
};

// NULL in the initial thread; thread_entry sets it in the others.
_Thread_local struct __pthread *__pthread_self_object;

struct __pthread *__pthread_self(void) {
  struct __pthread *t = __pthread_self_object;
  if (t != NULL) return t;
  cloudabi_lock_t expected = CLOUDABI_LOCK_BOGUS;
  atomic_compare_exchange_strong(&initial_thread.join, &expected,
                                 __pthread_thread_id | CLOUDABI_LOCK_WRLOCKED);
  __pthread_self_object = &initial_thread;
  return &initial_thread;
}

pthread_t pthread_self(void) { return __pthread_self(); }
