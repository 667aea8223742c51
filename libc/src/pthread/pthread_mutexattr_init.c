#include "pthread_impl.h"

int pthread_mutexattr_init(pthread_mutexattr_t *attr) {
  attr->__type = PTHREAD_MUTEX_DEFAULT;
  attr->__pshared = PTHREAD_PROCESS_PRIVATE;
  return 0;
}
