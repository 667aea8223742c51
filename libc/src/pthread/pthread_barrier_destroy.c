#include <errno.h>

#include "pthread_impl.h"

int pthread_barrier_destroy(pthread_barrier_t *b) {
  pthread_mutex_lock(&b->__lock);
  int busy = b->__waiting > 0;
  pthread_mutex_unlock(&b->__lock);
  return busy ? EBUSY : 0;
}
