#include "pthread_impl.h"

int pthread_spin_trylock(pthread_spinlock_t *l) { return __pthread_lock_trywrlock(l); }
