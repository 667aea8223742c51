#include "pthread_impl.h"

int pthread_rwlock_wrlock(pthread_rwlock_t *l) { return __pthread_lock_wrlock(l, NULL); }
