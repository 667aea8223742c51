// The lock primitives behind mutexes, read-write locks, spin locks and
// C11 mutexes (protocol: pthread_impl.h).
#include <errno.h>
#include <stdint.h>

#include "pthread_impl.h"

_Thread_local unsigned int __pthread_rdlocks;
_Thread_local struct __pthread_wrlocks __pthread_wrlocks;

#define WRLOCKED CLOUDABI_LOCK_WRLOCKED
#define KM CLOUDABI_LOCK_KERNEL_MANAGED
#define MAX_READERS (WRLOCKED - 1)

// Remembers a write lock the caller has just acquired (not relocked).
// Process-shared locks are left out: the parent keeps them across pdfork.
static int acquired(__pthread_lock_t *l) {
  if (l->__pshared != CLOUDABI_SCOPE_PRIVATE) return 0;
  struct __pthread_wrlocks *w = &__pthread_wrlocks;
  if (w->count < PTHREAD_WRLOCKS_TRACKED)
    w->locks[w->count++] = l;
  else
    ++w->untracked;
  return 0;
}

// Forgets a write lock the caller has released for good. Locks are mostly
// released in the opposite order, so the search starts at the end.
static void released(__pthread_lock_t *l) {
  if (l->__pshared != CLOUDABI_SCOPE_PRIVATE) return;
  struct __pthread_wrlocks *w = &__pthread_wrlocks;
  for (unsigned int i = w->count; i-- > 0;) {
    if (w->locks[i] == l) {
      w->locks[i] = w->locks[--w->count];
      return;
    }
  }
  if (w->untracked > 0) --w->untracked;
}

// Blocks in the runtime until the lock is acquired as `type`, or until the
// REALTIME clock reaches *abstime.
static int lock_poll(__pthread_lock_t *l, cloudabi_eventtype_t type,
                     const cloudabi_timestamp_t *abstime) {
  cloudabi_subscription_t subs[2] = {
      {.type = type, .lock = {.lock = lock_word(l), .lock_scope = l->__pshared}},
      {.userdata = 1,
       .type = CLOUDABI_EVENTTYPE_CLOCK,
       .clock = {.clock_id = CLOUDABI_CLOCK_REALTIME,
                 .timeout = abstime != NULL ? *abstime : 0,
                 .flags = CLOUDABI_SUBSCRIPTION_CLOCK_ABSTIME}},
  };
  cloudabi_event_t ev;
  size_t n;
  cloudabi_errno_t error = cloudabi_sys_poll(subs, &ev, abstime != NULL ? 2 : 1, &n);
  if (error != 0) return error;
  if (n != 1) __pthread_terminate("poll on a lock returned no event");
  if (ev.type == CLOUDABI_EVENTTYPE_CLOCK) return ETIMEDOUT;
  return ev.error;
}

// Handles a write lock the caller already holds.
static int relock(__pthread_lock_t *l) {
  if (l->__write_recursion < 0) return EDEADLK;
  if (l->__write_recursion == INT32_MAX) return EAGAIN;
  ++l->__write_recursion;
  return 0;
}

int __pthread_lock_trywrlock(__pthread_lock_t *l) {
  uint32_t self = __pthread_thread_id | WRLOCKED;
  uint32_t v = CLOUDABI_LOCK_UNLOCKED;
  if (atomic_compare_exchange_strong_explicit(lock_word(l), &v, self, memory_order_acquire,
                                              memory_order_relaxed))
    return acquired(l);
  if ((v & ~KM) == self && l->__write_recursion >= 0) return relock(l);
  return EBUSY;
}

int __pthread_lock_wrlock(__pthread_lock_t *l, const cloudabi_timestamp_t *abstime) {
  uint32_t self = __pthread_thread_id | WRLOCKED;
  uint32_t v = CLOUDABI_LOCK_UNLOCKED;
  if (atomic_compare_exchange_strong_explicit(lock_word(l), &v, self, memory_order_acquire,
                                              memory_order_relaxed))
    return acquired(l);
  if ((v & ~KM) == self) return relock(l);
  int error = lock_poll(l, CLOUDABI_EVENTTYPE_LOCK_WRLOCK, abstime);
  return error == 0 ? acquired(l) : error;
}

// Takes a read lock in userspace if that is allowed: not write-locked, and
// no writer waiting unless this thread already reads (writer preference).
// Returns EBUSY if the caller has to block.
int __pthread_lock_tryrdlock(__pthread_lock_t *l) {
  _Atomic(uint32_t) *w = lock_word(l);
  uint32_t v = atomic_load_explicit(w, memory_order_relaxed);
  for (;;) {
    if ((v & WRLOCKED) != 0) {
      return (v & ~KM) == (__pthread_thread_id | WRLOCKED) ? EDEADLK : EBUSY;
    }
    if ((v & KM) != 0 && __pthread_rdlocks == 0) return EBUSY;
    if ((v & ~KM) == MAX_READERS) return EAGAIN;
    if (atomic_compare_exchange_weak_explicit(w, &v, v + 1, memory_order_acquire,
                                              memory_order_relaxed)) {
      ++__pthread_rdlocks;
      return 0;
    }
  }
}

int __pthread_lock_rdlock(__pthread_lock_t *l, const cloudabi_timestamp_t *abstime) {
  int error = __pthread_lock_tryrdlock(l);
  if (error != EBUSY) return error;
  error = lock_poll(l, CLOUDABI_EVENTTYPE_LOCK_RDLOCK, abstime);
  if (error == 0) ++__pthread_rdlocks;
  return error;
}

int __pthread_lock_unlock(__pthread_lock_t *l) {
  _Atomic(uint32_t) *w = lock_word(l);
  uint32_t self = __pthread_thread_id | WRLOCKED;
  uint32_t v = atomic_load_explicit(w, memory_order_relaxed);
  if ((v & WRLOCKED) != 0) {
    if ((v & ~KM) != self) return EPERM;
    if (l->__write_recursion > 0) {
      --l->__write_recursion;
      return 0;
    }
    released(l);
    v = self;
    if (atomic_compare_exchange_strong_explicit(w, &v, CLOUDABI_LOCK_UNLOCKED, memory_order_release,
                                                memory_order_relaxed))
      return 0;
    // Threads are waiting: the runtime hands the lock on.
    cloudabi_errno_t error = cloudabi_sys_lock_unlock(w, l->__pshared);
    if (error != 0) __pthread_terminate("lock_unlock failed on a lock this thread holds");
    return 0;
  }
  if ((v & ~KM) == 0 || __pthread_rdlocks == 0) return EPERM;
  for (;;) {
    if (v == (1 | KM)) {
      // The last reader while others wait: turn the lock into a write lock
      // of this thread so its value cannot change, and let the runtime hand
      // it to the waiters.
      if (atomic_compare_exchange_weak_explicit(w, &v, self | KM, memory_order_release,
                                                memory_order_relaxed)) {
        --__pthread_rdlocks;
        if (cloudabi_sys_lock_unlock(w, l->__pshared) != 0)
          __pthread_terminate("lock_unlock failed after the last read unlock");
        return 0;
      }
    } else if (atomic_compare_exchange_weak_explicit(w, &v, v - 1, memory_order_release,
                                                     memory_order_relaxed)) {
      --__pthread_rdlocks;
      return 0;
    }
  }
}
