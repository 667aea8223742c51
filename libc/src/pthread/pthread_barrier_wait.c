#include "pthread_impl.h"

// The last thread to arrive opens the barrier by starting a new generation;
// the others wait until the generation they arrived in has passed.
int pthread_barrier_wait(pthread_barrier_t *b) {
  pthread_mutex_lock(&b->__lock);
  uint32_t generation = b->__generation;
  if (++b->__waiting == b->__count) {
    b->__waiting = 0;
    ++b->__generation;
    pthread_cond_broadcast(&b->__cond);
    pthread_mutex_unlock(&b->__lock);
    return PTHREAD_BARRIER_SERIAL_THREAD;
  }
  while (b->__generation == generation) pthread_cond_wait(&b->__cond, &b->__lock);
  pthread_mutex_unlock(&b->__lock);
  return 0;
}
