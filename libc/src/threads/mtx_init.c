#include <pthread.h>
#include <stddef.h>
#include <threads.h>

// Every mutex supports timeouts; mtx_timed only matters to callers.
int mtx_init(mtx_t *m, int type) {
  if ((type & ~(mtx_plain | mtx_recursive | mtx_timed)) != 0) return thrd_error;
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  if (type & mtx_recursive) pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  return pthread_mutex_init(m, &attr) == 0 ? thrd_success : thrd_error;
}
