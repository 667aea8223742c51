#include <errno.h>
#include <semaphore.h>

#include "pthread_impl.h"

int sem_destroy(sem_t *sem) {
  if (atomic_load((_Atomic(cloudabi_condvar_t) *)&sem->__cond.__waiters) !=
      CLOUDABI_CONDVAR_HAS_NO_WAITERS) {
    errno = EBUSY;
    return -1;
  }
  return 0;
}
