#include <errno.h>

#include "pthread_impl.h"

int pthread_spin_destroy(pthread_spinlock_t *l) {
  return atomic_load(lock_word(l)) == CLOUDABI_LOCK_UNLOCKED ? 0 : EBUSY;
}
