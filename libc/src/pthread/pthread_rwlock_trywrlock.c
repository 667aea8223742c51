#include "pthread_impl.h"

int pthread_rwlock_trywrlock(pthread_rwlock_t *l) { return __pthread_lock_trywrlock(l); }
