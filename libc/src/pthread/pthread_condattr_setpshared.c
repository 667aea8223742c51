#include "pthread_impl.h"
#include <errno.h>

int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared) {
  if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED) return EINVAL;
  attr->__pshared = (uint8_t)pshared;
  return 0;
}
