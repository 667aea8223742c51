#include <errno.h>

#include "pthread_impl.h"
#include "time_impl.h"

int pthread_rwlock_timedrdlock(pthread_rwlock_t *restrict l,
                               const struct timespec *restrict abstime) {
  int error = __pthread_lock_tryrdlock(l);
  if (error != EBUSY) return error;
  cloudabi_timestamp_t t;
  if (!timespec_to_timestamp(abstime, &t)) return EINVAL;
  return __pthread_lock_rdlock(l, &t);
}
