#include <errno.h>

#include "pthread_impl.h"

int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state) {
  *state = attr->__detachstate;
  return 0;
}
