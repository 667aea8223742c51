#include <errno.h>

#include "pthread_impl.h"

int pthread_mutexattr_setprotocol(pthread_mutexattr_t *attr, int protocol) {
  (void)attr;
  return protocol == PTHREAD_PRIO_INHERIT ? 0 : ENOTSUP;
}
