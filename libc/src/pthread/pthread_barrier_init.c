#include <errno.h>

#include "pthread_impl.h"

int pthread_barrier_init(pthread_barrier_t *restrict b, const pthread_barrierattr_t *restrict attr,
                         unsigned int count) {
  if (count == 0) return EINVAL;
  uint8_t pshared = attr != NULL ? attr->__pshared : PTHREAD_PROCESS_PRIVATE;
  atomic_init(lock_word(&b->__lock), CLOUDABI_LOCK_UNLOCKED);
  b->__lock.__write_recursion = -1;
  b->__lock.__pshared = pshared;
  atomic_init((_Atomic(cloudabi_condvar_t) *)&b->__cond.__waiters, CLOUDABI_CONDVAR_HAS_NO_WAITERS);
  b->__cond.__clock = CLOUDABI_CLOCK_MONOTONIC;
  b->__cond.__pshared = pshared;
  b->__count = count;
  b->__waiting = 0;
  b->__generation = 0;
  return 0;
}
