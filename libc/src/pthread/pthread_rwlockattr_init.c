#include "pthread_impl.h"

int pthread_rwlockattr_init(pthread_rwlockattr_t *attr) {
  attr->__pshared = PTHREAD_PROCESS_PRIVATE;
  return 0;
}
