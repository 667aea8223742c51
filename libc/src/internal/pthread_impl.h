// Internals of the threads implementation (src/pthread, src/threads).
//
// Locks (reference cloudlibc.md 4.1, cloudabi-abi.md 7.4): the first word of
// a pthread lock is a CloudABI lock word. 0 = unlocked; WRLOCKED|tid = held
// for writing by thread tid; n = held by n readers; KERNEL_MANAGED = threads
// sleep in the runtime, so the releasing thread must call lock_unlock. Fast
// paths are compare-and-swap; blocking is one poll() with a LOCK_RDLOCK or
// LOCK_WRLOCK subscription, plus an absolute CLOCK one for timed locks.
// Writers are preferred: new readers do not pass a KERNEL_MANAGED word
// unless the thread already holds read locks (__pthread_rdlocks counts
// them), which would otherwise deadlock against a waiting writer.
//
// Choices where the reference is silent: __write_recursion is -1 for
// non-recursive locks and the number of extra write acquisitions for
// recursive ones; pthread_attr_t is {stacksize, detachstate}; pthread_key_t
// points into a table of PTHREAD_KEYS_MAX (128) keys; attribute objects
// store CloudABI scopes and clock IDs; PTHREAD_MUTEX_NORMAL/RECURSIVE are
// 0/1, PTHREAD_CREATE_JOINABLE/DETACHED 0/1, PTHREAD_PRIO_INHERIT 1;
// threads.h: mtx_plain/recursive/timed 1/2/4, thrd_success..thrd_timedout
// 0..4. Relocking a non-recursive mutex answers EDEADLK and unlocking a lock
// the caller does not hold EPERM, where cloudlibc asserts.
//
// Thread memory: one anonymous mapping per thread, from low to high
// addresses: this struct __pthread and the thread's TLS area, a guard page,
// the unsafe (SafeStack) stack, a guard page, the stack. The system places
// the thread's initial TCB at the top of the stack. Whoever frees a thread's
// mapping must know it no longer runs: the join lock word stays
// WRLOCKED|tid until the system's thread_exit has released it.
#ifndef LIBC_PTHREAD_IMPL_H
#define LIBC_PTHREAD_IMPL_H

#include <cloudabi_syscalls.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PTHREAD_STACK_DEFAULT (1 << 20)

// Set by crt0 for the initial thread and by thread_entry for the others.
extern _Thread_local cloudabi_tid_t __pthread_thread_id;
// The number of read locks the calling thread holds.
extern _Thread_local unsigned int __pthread_rdlocks;

// The process-private locks the calling thread holds for writing, so that
// pdfork can hand them to the child's thread, whose ID differs (lock words
// name their owner). Locks beyond the first PTHREAD_WRLOCKS_TRACKED are only
// counted; pdfork refuses to run while any of those is held.
#define PTHREAD_WRLOCKS_TRACKED 64
struct __pthread_wrlocks {
  unsigned int count;
  unsigned int untracked;
  __pthread_lock_t *locks[PTHREAD_WRLOCKS_TRACKED];
};
extern _Thread_local struct __pthread_wrlocks __pthread_wrlocks;

// Detach state of a thread (struct __pthread.detach).
enum { THREAD_JOINABLE, THREAD_DETACHED, THREAD_EXITING };

struct __pthread {
  _Atomic(cloudabi_lock_t) join;  // WRLOCKED|tid while the thread runs
  _Atomic(int) detach;
  _Atomic(bool) started;  // the creator is done with this object
  void *(*start)(void *);
  void *arg;
  void *result;
  void *map;  // the thread's mapping (NULL for the initial thread)
  size_t map_len;
  char *unsafe_stack_top;
  char *tls;  // room for the TLS block and TCB
  struct __pthread *next_zombie;
};

static inline _Atomic(uint32_t) *lock_word(__pthread_lock_t *l) {
  return (_Atomic(uint32_t) *)&l->__state;
}

// The thread object of the caller.
struct __pthread *__pthread_self(void);

// Frees the mappings of detached threads that have ended.
void __pthread_reclaim(void);

// pdfork's handling of the list of detached threads that have ended.
void __pthread_zombies_fork_prepare(void);
void __pthread_zombies_fork_parent(void);
void __pthread_zombies_fork_child(void);

// pthread_atfork's handlers, run by pdfork. The list stays locked from
// prepare until parent or child.
void __pthread_atfork_prepare(void);
void __pthread_atfork_parent(void);
void __pthread_atfork_child(void);

// Key destructors; weak in pthread_exit so programs without keys lack them.
void __pthread_key_run_destructors(void);

// The lock primitives. abstime (CloudABI REALTIME nanoseconds) may be NULL
// for no timeout. They return 0 or an error number.
int __pthread_lock_wrlock(__pthread_lock_t *, const cloudabi_timestamp_t *abstime);
int __pthread_lock_trywrlock(__pthread_lock_t *);
int __pthread_lock_rdlock(__pthread_lock_t *, const cloudabi_timestamp_t *abstime);
int __pthread_lock_tryrdlock(__pthread_lock_t *);
int __pthread_lock_unlock(__pthread_lock_t *);

// Condition variable wait on a write-locked lock; timeout per clock_flags
// (ABSTIME or relative) on the condvar's clock, or none if timeout is NULL.
int __pthread_cond_wait(__pthread_cond_t *, __pthread_lock_t *, const cloudabi_timestamp_t *timeout,
                        cloudabi_subclockflags_t clock_flags);

// Keys: a fixed table. A key is in use while its sequence number is odd;
// deleting it makes it even again, so values stored under a deleted key
// (remembered with the sequence number of their key) are ignored later.
struct __pthread_key {
  _Atomic(uint64_t) seq;
  _Atomic(void (*)(void *)) destructor;
};
extern struct __pthread_key __pthread_keys[PTHREAD_KEYS_MAX];

struct __pthread_specific {
  void *value;
  uint64_t seq;
};
extern _Thread_local struct __pthread_specific __pthread_specific[PTHREAD_KEYS_MAX];

// Aborts on misuse the caller cannot be told about, like cloudlibc.
_Noreturn void __pthread_terminate(const char *why);

#endif
