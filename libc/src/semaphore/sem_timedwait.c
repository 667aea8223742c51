#include <errno.h>
#include <semaphore.h>

#include "pthread_impl.h"
#include "time_impl.h"

// The deadline is on the REALTIME clock and only looked at when the
// semaphore is zero (POSIX).
int sem_timedwait(sem_t *restrict sem, const struct timespec *restrict abstime) {
  pthread_mutex_lock(&sem->__lock);
  int error = 0;
  if (sem->__value == 0) {
    cloudabi_timestamp_t deadline;
    if (!timespec_to_timestamp(abstime, &deadline)) error = EINVAL;
    while (error == 0 && sem->__value == 0)
      error = __pthread_cond_wait(&sem->__cond, &sem->__lock, &deadline,
                                  CLOUDABI_SUBSCRIPTION_CLOCK_ABSTIME);
  }
  // A post that came with the timeout still counts.
  if (sem->__value > 0) {
    --sem->__value;
    error = 0;
  }
  pthread_mutex_unlock(&sem->__lock);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}
