#include <errno.h>

#include "pthread_impl.h"

int pthread_mutex_destroy(pthread_mutex_t *m) {
  return atomic_load(lock_word(m)) == CLOUDABI_LOCK_UNLOCKED ? 0 : EBUSY;
}
