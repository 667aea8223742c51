#include <errno.h>

#include "pthread_impl.h"
#include "time_impl.h"

int pthread_mutex_timedlock(pthread_mutex_t *restrict m, const struct timespec *restrict abstime) {
  // The timeout is only looked at when the mutex is not free (POSIX).
  int error = __pthread_lock_trywrlock(m);
  if (error != EBUSY) return error;
  cloudabi_timestamp_t t;
  if (!timespec_to_timestamp(abstime, &t)) return EINVAL;
  return __pthread_lock_wrlock(m, &t);
}
