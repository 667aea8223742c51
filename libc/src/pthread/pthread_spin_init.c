#include <errno.h>

#include "pthread_impl.h"

// Spin locks are the same locks as mutexes: they block rather than spin.
int pthread_spin_init(pthread_spinlock_t *l, int pshared) {
  if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED) return EINVAL;
  atomic_init(lock_word(l), CLOUDABI_LOCK_UNLOCKED);
  l->__write_recursion = -1;
  l->__pshared = (uint8_t)pshared;
  return 0;
}
