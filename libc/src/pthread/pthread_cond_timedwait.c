#include <errno.h>

#include "pthread_impl.h"
#include "time_impl.h"

int pthread_cond_timedwait(pthread_cond_t *restrict c, pthread_mutex_t *restrict m,
                           const struct timespec *restrict abstime) {
  cloudabi_timestamp_t t;
  if (!timespec_to_timestamp(abstime, &t)) return EINVAL;
  return __pthread_cond_wait(c, m, &t, CLOUDABI_SUBSCRIPTION_CLOCK_ABSTIME);
}
