#include "pthread_impl.h"

int pthread_spin_unlock(pthread_spinlock_t *l) { return __pthread_lock_unlock(l); }
