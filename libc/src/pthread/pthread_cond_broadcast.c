#include "pthread_impl.h"

int pthread_cond_broadcast(pthread_cond_t *c) {
  _Atomic(cloudabi_condvar_t) *w = (_Atomic(cloudabi_condvar_t) *)&c->__waiters;
  if (atomic_load_explicit(w, memory_order_relaxed) == CLOUDABI_CONDVAR_HAS_NO_WAITERS) return 0;
  return cloudabi_sys_condvar_signal(w, c->__pshared, UINT32_MAX);
}
