#include "pthread_impl.h"

int pthread_mutex_init(pthread_mutex_t *restrict m, const pthread_mutexattr_t *restrict attr) {
  atomic_init(lock_word(m), CLOUDABI_LOCK_UNLOCKED);
  m->__write_recursion = attr != NULL && attr->__type == PTHREAD_MUTEX_RECURSIVE ? 0 : -1;
  m->__pshared = attr != NULL ? attr->__pshared : PTHREAD_PROCESS_PRIVATE;
  return 0;
}
