#include "pthread_impl.h"

int pthread_condattr_getpshared(const pthread_condattr_t *restrict attr, int *restrict pshared) {
  *pshared = attr->__pshared;
  return 0;
}
