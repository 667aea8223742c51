#include <errno.h>

#include "pthread_impl.h"

int pthread_attr_init(pthread_attr_t *attr) {
  attr->__stacksize = PTHREAD_STACK_DEFAULT;
  attr->__detachstate = PTHREAD_CREATE_JOINABLE;
  return 0;
}
