#include <errno.h>

#include "pthread_impl.h"

// Both the stack and the unsafe (SafeStack) stack get this size.
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size) {
  if (size < PTHREAD_STACK_MIN || size > SIZE_MAX / 4) return EINVAL;
  attr->__stacksize = size;
  return 0;
}
