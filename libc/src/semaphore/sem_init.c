#include <errno.h>
#include <semaphore.h>

#include "pthread_impl.h"

// pshared nonzero: the semaphore may live in memory shared with other
// processes (CloudABI's SHARED lock scope).
int sem_init(sem_t *sem, int pshared, unsigned int value) {
  if (value > SEM_VALUE_MAX) {
    errno = EINVAL;
    return -1;
  }
  uint8_t scope = pshared ? PTHREAD_PROCESS_SHARED : PTHREAD_PROCESS_PRIVATE;
  atomic_init(lock_word(&sem->__lock), CLOUDABI_LOCK_UNLOCKED);
  sem->__lock.__write_recursion = -1;
  sem->__lock.__pshared = scope;
  atomic_init((_Atomic(cloudabi_condvar_t) *)&sem->__cond.__waiters,
              CLOUDABI_CONDVAR_HAS_NO_WAITERS);
  sem->__cond.__clock = CLOUDABI_CLOCK_REALTIME;
  sem->__cond.__pshared = scope;
  sem->__value = value;
  return 0;
}
