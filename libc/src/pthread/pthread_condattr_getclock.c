#include "pthread_impl.h"
#include "time_impl.h"

int pthread_condattr_getclock(const pthread_condattr_t *restrict attr, clockid_t *restrict clock) {
  *clock = attr->__clock == CLOUDABI_CLOCK_MONOTONIC ? CLOCK_MONOTONIC : CLOCK_REALTIME;
  return 0;
}
