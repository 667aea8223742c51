#include "pthread_impl.h"

int pthread_cond_init(pthread_cond_t *restrict c, const pthread_condattr_t *restrict attr) {
  atomic_init((_Atomic(cloudabi_condvar_t) *)&c->__waiters, CLOUDABI_CONDVAR_HAS_NO_WAITERS);
  c->__clock = attr != NULL ? attr->__clock : CLOUDABI_CLOCK_REALTIME;
  c->__pshared = attr != NULL ? attr->__pshared : PTHREAD_PROCESS_PRIVATE;
  return 0;
}
