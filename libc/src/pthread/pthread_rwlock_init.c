#include "pthread_impl.h"

int pthread_rwlock_init(pthread_rwlock_t *restrict l, const pthread_rwlockattr_t *restrict attr) {
  atomic_init(lock_word(l), CLOUDABI_LOCK_UNLOCKED);
  l->__write_recursion = -1;
  l->__pshared = attr != NULL ? attr->__pshared : PTHREAD_PROCESS_PRIVATE;
  return 0;
}
