#include "pthread_impl.h"

int pthread_rwlock_rdlock(pthread_rwlock_t *l) { return __pthread_lock_rdlock(l, NULL); }
