#include <errno.h>
#include <semaphore.h>

#include "pthread_impl.h"

int sem_post(sem_t *sem) {
  pthread_mutex_lock(&sem->__lock);
  if (sem->__value == SEM_VALUE_MAX) {
    pthread_mutex_unlock(&sem->__lock);
    errno = EOVERFLOW;
    return -1;
  }
  ++sem->__value;
  pthread_cond_signal(&sem->__cond);
  pthread_mutex_unlock(&sem->__lock);
  return 0;
}
