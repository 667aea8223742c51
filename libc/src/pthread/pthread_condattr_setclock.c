#include <errno.h>

#include "pthread_impl.h"
#include "time_impl.h"

// Timed waits can only be measured against clocks that advance by themselves.
int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock) {
  if (clock->id != CLOUDABI_CLOCK_MONOTONIC && clock->id != CLOUDABI_CLOCK_REALTIME) return EINVAL;
  attr->__clock = clock->id;
  return 0;
}
