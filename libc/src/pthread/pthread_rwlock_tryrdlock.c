#include <errno.h>

#include "pthread_impl.h"

int pthread_rwlock_tryrdlock(pthread_rwlock_t *l) {
  int error = __pthread_lock_tryrdlock(l);
  return error == EDEADLK ? EBUSY : error;
}
