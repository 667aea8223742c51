#include <errno.h>

#include "pthread_impl.h"

int pthread_barrierattr_setpshared(pthread_barrierattr_t *attr, int pshared) {
  if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED) return EINVAL;
  attr->__pshared = (uint8_t)pshared;
  return 0;
}
