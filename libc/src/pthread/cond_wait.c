#include <errno.h>

#include "pthread_impl.h"

// One poll with a CONDVAR subscription: the runtime releases the lock, sleeps
// until signalled (or the clock subscription fires) and returns with the lock
// write-locked again, also after a timeout.
int __pthread_cond_wait(__pthread_cond_t *c, __pthread_lock_t *l,
                        const cloudabi_timestamp_t *timeout, cloudabi_subclockflags_t clock_flags) {
  uint32_t v = atomic_load_explicit(lock_word(l), memory_order_relaxed);
  if ((v & ~CLOUDABI_LOCK_KERNEL_MANAGED) != (__pthread_thread_id | CLOUDABI_LOCK_WRLOCKED))
    return EPERM;
  cloudabi_subscription_t subs[2] = {
      {.type = CLOUDABI_EVENTTYPE_CONDVAR,
       .condvar = {.condvar = (_Atomic(cloudabi_condvar_t) *)&c->__waiters,
                   .lock = lock_word(l),
                   .condvar_scope = c->__pshared,
                   .lock_scope = l->__pshared}},
      {.userdata = 1,
       .type = CLOUDABI_EVENTTYPE_CLOCK,
       .clock = {.clock_id = c->__clock,
                 .timeout = timeout != NULL ? *timeout : 0,
                 .flags = clock_flags}},
  };
  // Another thread may take a recursive mutex while this one waits.
  int32_t recursion = l->__write_recursion;
  if (recursion > 0) l->__write_recursion = 0;
  cloudabi_event_t ev;
  size_t n;
  cloudabi_errno_t error = cloudabi_sys_poll(subs, &ev, timeout != NULL ? 2 : 1, &n);
  l->__write_recursion = recursion;
  if (error != 0) return error;
  if (n != 1) __pthread_terminate("poll on a condition variable returned no event");
  if (ev.type == CLOUDABI_EVENTTYPE_CLOCK) return ETIMEDOUT;
  return ev.error;
}
