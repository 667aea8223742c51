#include "pthread_impl.h"

int pthread_mutex_unlock(pthread_mutex_t *m) { return __pthread_lock_unlock(m); }
