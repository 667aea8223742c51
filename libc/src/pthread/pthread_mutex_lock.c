#include "pthread_impl.h"

int pthread_mutex_lock(pthread_mutex_t *m) { return __pthread_lock_wrlock(m, NULL); }
