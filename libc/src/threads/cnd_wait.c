#include <pthread.h>
#include <threads.h>

int cnd_wait(cnd_t *c, mtx_t *m) {
  return pthread_cond_wait(c, m) == 0 ? thrd_success : thrd_error;
}
