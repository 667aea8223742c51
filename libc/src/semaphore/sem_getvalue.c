#include <semaphore.h>

#include "pthread_impl.h"

int sem_getvalue(sem_t *restrict sem, int *restrict value) {
  pthread_mutex_lock(&sem->__lock);
  *value = (int)sem->__value;
  pthread_mutex_unlock(&sem->__lock);
  return 0;
}
