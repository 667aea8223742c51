// semaphore.h: unnamed semaphores.
//
// A semaphore is a counter guarded by a pthread lock with a condition
// variable to wait on (28 bytes, like cloudlibc's sem_t).
//
// Features missing:
// - sem_open(), sem_close(), sem_unlink() and SEM_FAILED: named semaphores
//   need a global namespace.
#ifndef _SEMAPHORE_H_
#define _SEMAPHORE_H_

#include <_/cdefs.h>
#include <_/pthread_types.h>

struct timespec;

typedef struct {
  __pthread_lock_t __lock;
  __pthread_cond_t __cond;
  __uint32_t __value;
} sem_t;

#define SEM_VALUE_MAX 0x7fffffff

__BEGIN_DECLS
int sem_destroy(sem_t *);
int sem_getvalue(sem_t *__restrict, int *__restrict);
int sem_init(sem_t *, int, unsigned int);
int sem_post(sem_t *);
int sem_timedwait(sem_t *__restrict, const struct timespec *__restrict);
int sem_trywait(sem_t *);
int sem_wait(sem_t *);
__END_DECLS

#endif
