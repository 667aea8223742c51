#include <errno.h>

#include "pthread_impl.h"

int pthread_mutexattr_setrobust(pthread_mutexattr_t *attr, int robust) {
  (void)attr;
  return robust == PTHREAD_MUTEX_STALLED ? 0 : EINVAL;
}
