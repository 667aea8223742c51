// pthread.h: threads.
//
// Mutexes, read-write locks and spin locks are one type of lock, built on
// CloudABI's userspace lock words: the first word of every lock is what the
// system's lock_unlock and poll understand. Condition variables work with any
// of them. Writers are preferred over readers.
//
// Features missing:
// - Cancellation (pthread_cancel, pthread_setcancelstate/type,
//   pthread_testcancel, PTHREAD_CANCELED): it cannot be made safe.
// - PTHREAD_MUTEX_ERRORCHECK, PTHREAD_MUTEX_ROBUST and
//   pthread_mutex_consistent: misuse is answered with an error or aborts.
// - The priority ceiling API and PTHREAD_PRIO_NONE/PROTECT: locks always
//   behave like PTHREAD_PRIO_INHERIT.
// - pthread_attr_{get,set}guardsize and pthread_attr_{get,set}schedparam,
//   and the scheduling functions: priorities cannot be changed.
//
// Extensions:
// - pthread_cond_timedwait_relative_np: waits at most a relative time.
// - pthread_mutex_lock_pair_np: locks two mutexes without deadlocking
//   against other threads locking the same pair in the other order.
// - PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP: a recursive mutex, statically.
#ifndef _PTHREAD_H_
#define _PTHREAD_H_

#include <_/cdefs.h>
#include <_/pthread_types.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
#define _SIZE_T_DECLARED
typedef __size_t size_t;
#endif

#ifndef _CLOCKID_T_DECLARED
#define _CLOCKID_T_DECLARED
typedef __clockid_t clockid_t;
#endif

struct timespec;

typedef struct {
  __size_t __stacksize;
  __uint8_t __detachstate;
} pthread_attr_t;
typedef struct {
  __pthread_lock_t __lock;
  __pthread_cond_t __cond;
  __uint32_t __count;       // threads the barrier waits for
  __uint32_t __waiting;     // threads waiting now
  __uint32_t __generation;  // incremented every time the barrier opens
} pthread_barrier_t;
typedef struct {
  __uint8_t __pshared;
} pthread_barrierattr_t;
typedef __pthread_cond_t pthread_cond_t;
typedef struct {
  __uint32_t __clock;
  __uint8_t __pshared;
} pthread_condattr_t;
typedef __pthread_key_t pthread_key_t;
typedef __pthread_lock_t pthread_mutex_t;
typedef struct {
  __int32_t __type;
  __uint8_t __pshared;
} pthread_mutexattr_t;
typedef __pthread_once_t pthread_once_t;
typedef __pthread_lock_t pthread_rwlock_t;
typedef struct {
  __uint8_t __pshared;
} pthread_rwlockattr_t;
typedef __pthread_lock_t pthread_spinlock_t;
typedef __pthread_t pthread_t;

#define PTHREAD_BARRIER_SERIAL_THREAD (-1)

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1

#define PTHREAD_DESTRUCTOR_ITERATIONS 4
#define PTHREAD_KEYS_MAX 128
#define PTHREAD_STACK_MIN 16384

#define PTHREAD_MUTEX_NORMAL 0
#define PTHREAD_MUTEX_RECURSIVE 1
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL
#define PTHREAD_MUTEX_STALLED 0

#define PTHREAD_PRIO_INHERIT 1

// CloudABI's lock scopes (CLOUDABI_SCOPE_PRIVATE and _SHARED).
#define PTHREAD_PROCESS_PRIVATE 4
#define PTHREAD_PROCESS_SHARED 8

// 0x80000000 is CLOUDABI_LOCK_BOGUS: the routine has not run yet.
#define PTHREAD_ONCE_INIT \
  { 0x80000000 }
#define PTHREAD_MUTEX_INITIALIZER \
  { 0, -1, PTHREAD_PROCESS_PRIVATE }
#define PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP \
  { 0, 0, PTHREAD_PROCESS_PRIVATE }
#define PTHREAD_RWLOCK_INITIALIZER \
  { 0, -1, PTHREAD_PROCESS_PRIVATE }
// Clock 3 is CLOUDABI_CLOCK_REALTIME.
#define PTHREAD_COND_INITIALIZER \
  { 0, 3, PTHREAD_PROCESS_PRIVATE }

__BEGIN_DECLS
int pthread_atfork(void (*)(void), void (*)(void), void (*)(void));
int pthread_attr_destroy(pthread_attr_t *);
int pthread_attr_getdetachstate(const pthread_attr_t *, int *);
int pthread_attr_getstacksize(const pthread_attr_t *__restrict, size_t *__restrict);
int pthread_attr_init(pthread_attr_t *);
int pthread_attr_setdetachstate(pthread_attr_t *, int);
int pthread_attr_setstacksize(pthread_attr_t *, size_t);
int pthread_barrier_destroy(pthread_barrier_t *);
int pthread_barrier_init(pthread_barrier_t *__restrict, const pthread_barrierattr_t *__restrict,
                         unsigned int);
int pthread_barrier_wait(pthread_barrier_t *);
int pthread_barrierattr_destroy(pthread_barrierattr_t *);
int pthread_barrierattr_getpshared(const pthread_barrierattr_t *__restrict, int *__restrict);
int pthread_barrierattr_init(pthread_barrierattr_t *);
int pthread_barrierattr_setpshared(pthread_barrierattr_t *, int);
int pthread_cond_broadcast(pthread_cond_t *);
int pthread_cond_destroy(pthread_cond_t *);
int pthread_cond_init(pthread_cond_t *__restrict, const pthread_condattr_t *__restrict);
int pthread_cond_signal(pthread_cond_t *);
int pthread_cond_timedwait(pthread_cond_t *__restrict, pthread_mutex_t *__restrict,
                           const struct timespec *__restrict);
int pthread_cond_timedwait_relative_np(pthread_cond_t *__restrict, pthread_mutex_t *__restrict,
                                       const struct timespec *__restrict);
int pthread_cond_wait(pthread_cond_t *__restrict, pthread_mutex_t *__restrict);
int pthread_condattr_destroy(pthread_condattr_t *);
int pthread_condattr_getclock(const pthread_condattr_t *__restrict, clockid_t *__restrict);
int pthread_condattr_getpshared(const pthread_condattr_t *__restrict, int *__restrict);
int pthread_condattr_init(pthread_condattr_t *);
int pthread_condattr_setclock(pthread_condattr_t *, clockid_t);
int pthread_condattr_setpshared(pthread_condattr_t *, int);
int pthread_create(pthread_t *__restrict, const pthread_attr_t *__restrict, void *(*)(void *),
                   void *__restrict);
int pthread_detach(pthread_t);
int pthread_equal(pthread_t, pthread_t);
__noreturn void pthread_exit(void *);
void *pthread_getspecific(pthread_key_t);
int pthread_join(pthread_t, void **);
int pthread_key_create(pthread_key_t *, void (*)(void *));
int pthread_key_delete(pthread_key_t);
int pthread_mutex_destroy(pthread_mutex_t *);
int pthread_mutex_init(pthread_mutex_t *__restrict, const pthread_mutexattr_t *__restrict);
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_lock_pair_np(pthread_mutex_t *, pthread_mutex_t *);
int pthread_mutex_timedlock(pthread_mutex_t *__restrict, const struct timespec *__restrict);
int pthread_mutex_trylock(pthread_mutex_t *);
int pthread_mutex_unlock(pthread_mutex_t *);
int pthread_mutexattr_destroy(pthread_mutexattr_t *);
int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *__restrict, int *__restrict);
int pthread_mutexattr_getpshared(const pthread_mutexattr_t *__restrict, int *__restrict);
int pthread_mutexattr_getrobust(const pthread_mutexattr_t *__restrict, int *__restrict);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *__restrict, int *__restrict);
int pthread_mutexattr_init(pthread_mutexattr_t *);
int pthread_mutexattr_setprotocol(pthread_mutexattr_t *, int);
int pthread_mutexattr_setpshared(pthread_mutexattr_t *, int);
int pthread_mutexattr_setrobust(pthread_mutexattr_t *, int);
int pthread_mutexattr_settype(pthread_mutexattr_t *, int);
int pthread_once(pthread_once_t *, void (*)(void));
int pthread_rwlock_destroy(pthread_rwlock_t *);
int pthread_rwlock_init(pthread_rwlock_t *__restrict, const pthread_rwlockattr_t *__restrict);
int pthread_rwlock_rdlock(pthread_rwlock_t *);
int pthread_rwlock_timedrdlock(pthread_rwlock_t *__restrict, const struct timespec *__restrict);
int pthread_rwlock_timedwrlock(pthread_rwlock_t *__restrict, const struct timespec *__restrict);
int pthread_rwlock_tryrdlock(pthread_rwlock_t *);
int pthread_rwlock_trywrlock(pthread_rwlock_t *);
int pthread_rwlock_unlock(pthread_rwlock_t *);
int pthread_rwlock_wrlock(pthread_rwlock_t *);
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *);
int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *__restrict, int *__restrict);
int pthread_rwlockattr_init(pthread_rwlockattr_t *);
int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *, int);
pthread_t pthread_self(void);
int pthread_setspecific(pthread_key_t, const void *);
int pthread_spin_destroy(pthread_spinlock_t *);
int pthread_spin_init(pthread_spinlock_t *, int);
int pthread_spin_lock(pthread_spinlock_t *);
int pthread_spin_trylock(pthread_spinlock_t *);
int pthread_spin_unlock(pthread_spinlock_t *);
__END_DECLS

#endif
