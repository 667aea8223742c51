#include "pthread_impl.h"

int pthread_mutex_trylock(pthread_mutex_t *m) { return __pthread_lock_trywrlock(m); }
