#include <errno.h>

#include "pthread_impl.h"

int pthread_cond_destroy(pthread_cond_t *c) {
  _Atomic(cloudabi_condvar_t) *w = (_Atomic(cloudabi_condvar_t) *)&c->__waiters;
  return atomic_load(w) == CLOUDABI_CONDVAR_HAS_NO_WAITERS ? 0 : EBUSY;
}
