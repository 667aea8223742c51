#include <errno.h>
#include <pthread.h>
#include <threads.h>

int mtx_timedlock(mtx_t *restrict m, const struct timespec *restrict ts) {
  int error = pthread_mutex_timedlock(m, ts);
  return error == 0 ? thrd_success : error == ETIMEDOUT ? thrd_timedout : thrd_error;
}
