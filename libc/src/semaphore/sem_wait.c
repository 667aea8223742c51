#include <semaphore.h>

#include "pthread_impl.h"

int sem_wait(sem_t *sem) {
  pthread_mutex_lock(&sem->__lock);
  while (sem->__value == 0) pthread_cond_wait(&sem->__cond, &sem->__lock);
  --sem->__value;
  pthread_mutex_unlock(&sem->__lock);
  return 0;
}
