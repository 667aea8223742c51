#include <errno.h>
#include <pthread.h>
#include <threads.h>

int mtx_trylock(mtx_t *m) {
  int error = pthread_mutex_trylock(m);
  return error == 0 ? thrd_success : error == EBUSY ? thrd_busy : thrd_error;
}
