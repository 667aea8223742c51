#include "pthread_impl.h"

int pthread_spin_lock(pthread_spinlock_t *l) { return __pthread_lock_wrlock(l, NULL); }
