#include "pthread_impl.h"

int pthread_rwlock_unlock(pthread_rwlock_t *l) { return __pthread_lock_unlock(l); }
