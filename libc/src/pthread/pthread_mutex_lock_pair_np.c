#include <errno.h>

#include "pthread_impl.h"

// Locks both mutexes without holding one while blocking on the other: block
// on one, try the other, and if that is busy, let go and block on the other
// one first. Two threads locking the same pair in opposite orders therefore
// cannot deadlock.
int pthread_mutex_lock_pair_np(pthread_mutex_t *a, pthread_mutex_t *b) {
  if (a == b) return pthread_mutex_lock(a);
  for (;;) {
    int error = pthread_mutex_lock(a);
    if (error != 0) return error;
    error = pthread_mutex_trylock(b);
    if (error == 0) return 0;
    pthread_mutex_unlock(a);
    if (error != EBUSY) return error;
    pthread_mutex_t *t = a;
    a = b;
    b = t;
  }
}
