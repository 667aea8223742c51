// Threads and userspace locks for test programs, on the raw system calls
// (for tests of the system calls themselves; libc's threads are <pthread.h>).
// Header-only; include after harness.h. Threads started here have no
// pthread object: they must not call pthread functions.
//
// A new thread gets only a TCB from the system (reference 7.3): before it may
// touch TLS or run SafeStack-instrumented code (everything is, by default),
// it needs a TLS block and an unsafe stack of its own. test_thread_entry sets
// both up like crt0 does for the main thread, using libc's PT_TLS template.
//
// The lock helpers follow cloudlibc's userspace fast paths (reference 7.4):
// CAS in userspace, poll to block, lock_unlock when KERNEL_MANAGED is set.
#ifndef TEST_THREADS_H
#define TEST_THREADS_H

#include <cloudabi_syscalls.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "harness.h"

// From libc's crt0 (libc/src/internal/libc_start.h).
struct __pt_tls {
  const void *image;
  size_t filesz;
  size_t memsz;
  size_t align;
};
extern struct __pt_tls __pt_tls;
extern _Thread_local void *__safestack_unsafe_stack_ptr;

#define TEST_STACK_SIZE (256 * 1024)

typedef void test_thread_fn(cloudabi_tid_t tid, void *arg);

struct test_thread {
  _Atomic(cloudabi_lock_t) join;  // tid|WRLOCKED until the thread has ended
  cloudabi_tid_t tid;
  test_thread_fn *fn;
  void *arg;
  char *stack;
  char *unsafe_stack;
  char *tls;
};

// Runs on the new thread's stack before it has TLS: no SafeStack, no TLS,
// no library calls until the TCB is installed.
__attribute__((no_sanitize("safe-stack"), unused)) static void test_thread_entry(cloudabi_tid_t tid,
                                                                                 void *arg) {
  struct test_thread *t = arg;
  // The thread may run (and end) before thread_create has returned its tid
  // to the creator, so both claim the join lock for it.
  cloudabi_lock_t expected = CLOUDABI_LOCK_BOGUS;
  atomic_compare_exchange_strong(&t->join, &expected, tid | CLOUDABI_LOCK_WRLOCKED);

  size_t align =
      __pt_tls.align > alignof(cloudabi_tcb_t) ? __pt_tls.align : alignof(cloudabi_tcb_t);
  uintptr_t tcb = ((uintptr_t)t->tls + __pt_tls.memsz + align - 1) / align * align;
  volatile char *block = (volatile char *)(tcb - __pt_tls.memsz);
  const char *image = __pt_tls.image;
  for (size_t i = 0; i < __pt_tls.filesz; ++i) block[i] = image[i];
  for (size_t i = __pt_tls.filesz; i < __pt_tls.memsz; ++i) block[i] = 0;
  cloudabi_tcb_t *old;
  __asm__ volatile("mov %%fs:0, %0" : "=r"(old));
  *(cloudabi_tcb_t *)tcb = *old;
  __asm__ volatile("mov %0, %%fs:0" : : "r"(tcb) : "memory");
  __safestack_unsafe_stack_ptr = t->unsafe_stack + TEST_STACK_SIZE;

  t->fn(tid, t->arg);
  cloudabi_sys_thread_exit(&t->join, CLOUDABI_SCOPE_PRIVATE);
}

// Starts fn(tid, arg) on a new thread; returns thread_create's result.
__attribute__((unused)) static cloudabi_errno_t test_thread_start(struct test_thread *t,
                                                                  test_thread_fn *fn, void *arg) {
  t->fn = fn;
  t->arg = arg;
  atomic_init(&t->join, CLOUDABI_LOCK_BOGUS);
  t->stack = malloc(TEST_STACK_SIZE);
  t->unsafe_stack = malloc(TEST_STACK_SIZE);
  t->tls = malloc(__pt_tls.memsz + 2 * __pt_tls.align + 2 * sizeof(cloudabi_tcb_t));
  CHECK(t->stack != NULL && t->unsafe_stack != NULL && t->tls != NULL);
  cloudabi_threadattr_t attr = {
      .entry_point = test_thread_entry,
      .stack = t->stack,
      .stack_len = TEST_STACK_SIZE,
      .argument = t,
  };
  cloudabi_errno_t error = cloudabi_sys_thread_create(&attr, &t->tid);
  if (error != 0) {
    free(t->stack);
    free(t->unsafe_stack);
    free(t->tls);
    return error;
  }
  cloudabi_lock_t expected = CLOUDABI_LOCK_BOGUS;
  atomic_compare_exchange_strong(&t->join, &expected, t->tid | CLOUDABI_LOCK_WRLOCKED);
  return 0;
}

// Read-locks the join lock, which thread_exit releases once the thread has
// ended, then frees the thread's memory.
__attribute__((unused)) static void test_thread_join(struct test_thread *t) {
  cloudabi_subscription_t sub = {
      .userdata = 0x10ad,
      .type = CLOUDABI_EVENTTYPE_LOCK_RDLOCK,
      .lock = {.lock = &t->join, .lock_scope = CLOUDABI_SCOPE_PRIVATE},
  };
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(&sub, &ev, 1, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.type, CLOUDABI_EVENTTYPE_LOCK_RDLOCK);
  CHECK_EQ(ev.userdata, 0x10ad);
  CHECK_EQ(atomic_load(&t->join) & ~CLOUDABI_LOCK_KERNEL_MANAGED, 1);
  free(t->stack);
  free(t->unsafe_stack);
  free(t->tls);
}

// --- locks (scope is CLOUDABI_SCOPE_PRIVATE or CLOUDABI_SCOPE_SHARED)

// One poll with a lock subscription; returns the event's error.
__attribute__((unused)) static cloudabi_errno_t test_lock_poll(_Atomic(cloudabi_lock_t) *lock,
                                                               cloudabi_scope_t scope,
                                                               cloudabi_eventtype_t type) {
  cloudabi_subscription_t sub = {
      .userdata = 42,
      .type = type,
      .lock = {.lock = lock, .lock_scope = scope},
  };
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(&sub, &ev, 1, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev.type, type);
  CHECK_EQ(ev.userdata, 42);
  return ev.error;
}

__attribute__((unused)) static void test_wrlock(_Atomic(cloudabi_lock_t) *lock, cloudabi_tid_t tid,
                                                cloudabi_scope_t scope) {
  cloudabi_lock_t expected = CLOUDABI_LOCK_UNLOCKED;
  if (atomic_compare_exchange_strong(lock, &expected, tid | CLOUDABI_LOCK_WRLOCKED)) return;
  CHECK_OK(test_lock_poll(lock, scope, CLOUDABI_EVENTTYPE_LOCK_WRLOCK));
  CHECK_EQ(atomic_load(lock) & ~CLOUDABI_LOCK_KERNEL_MANAGED, tid | CLOUDABI_LOCK_WRLOCKED);
}

__attribute__((unused)) static void test_wrunlock(_Atomic(cloudabi_lock_t) *lock,
                                                  cloudabi_tid_t tid, cloudabi_scope_t scope) {
  cloudabi_lock_t expected = tid | CLOUDABI_LOCK_WRLOCKED;
  if (atomic_compare_exchange_strong(lock, &expected, CLOUDABI_LOCK_UNLOCKED)) return;
  CHECK_EQ(expected, tid | CLOUDABI_LOCK_WRLOCKED | CLOUDABI_LOCK_KERNEL_MANAGED);
  CHECK_OK(cloudabi_sys_lock_unlock(lock, scope));
}

// For threads that hold no other read lock on it (no recursion tracking).
__attribute__((unused)) static void test_rdlock(_Atomic(cloudabi_lock_t) *lock,
                                                cloudabi_scope_t scope) {
  cloudabi_lock_t w = atomic_load(lock);
  while ((w & (CLOUDABI_LOCK_WRLOCKED | CLOUDABI_LOCK_KERNEL_MANAGED)) == 0) {
    if (atomic_compare_exchange_weak(lock, &w, w + 1)) return;
  }
  CHECK_OK(test_lock_poll(lock, scope, CLOUDABI_EVENTTYPE_LOCK_RDLOCK));
  CHECK_EQ(atomic_load(lock) & CLOUDABI_LOCK_WRLOCKED, 0);
}

__attribute__((unused)) static void test_rdunlock(_Atomic(cloudabi_lock_t) *lock,
                                                  cloudabi_tid_t tid, cloudabi_scope_t scope) {
  cloudabi_lock_t w = atomic_load(lock);
  for (;;) {
    CHECK((w & CLOUDABI_LOCK_WRLOCKED) == 0 && (w & ~CLOUDABI_LOCK_KERNEL_MANAGED) > 0);
    if (w == (1 | CLOUDABI_LOCK_KERNEL_MANAGED)) {
      // Last reader with waiters: turn it into a write lock and let the
      // runtime hand it on.
      if (atomic_compare_exchange_weak(
              lock, &w, tid | CLOUDABI_LOCK_WRLOCKED | CLOUDABI_LOCK_KERNEL_MANAGED)) {
        CHECK_OK(cloudabi_sys_lock_unlock(lock, scope));
        return;
      }
    } else if (atomic_compare_exchange_weak(lock, &w, w - 1)) {
      return;
    }
  }
}

// Waits on a condition variable with the lock write-locked; returns the
// event's error (0 when signalled). With timeout_ns != 0, a relative
// MONOTONIC clock is added, and *timed_out says whether it fired.
__attribute__((unused)) static cloudabi_errno_t test_cond_wait(_Atomic(cloudabi_condvar_t) *cv,
                                                               _Atomic(cloudabi_lock_t) *lock,
                                                               cloudabi_scope_t scope,
                                                               uint64_t timeout_ns,
                                                               int *timed_out) {
  cloudabi_subscription_t subs[2] = {
      {.userdata = 7,
       .type = CLOUDABI_EVENTTYPE_CONDVAR,
       .condvar = {.condvar = cv, .lock = lock, .condvar_scope = scope, .lock_scope = scope}},
      {.userdata = 8,
       .type = CLOUDABI_EVENTTYPE_CLOCK,
       .clock = {.clock_id = CLOUDABI_CLOCK_MONOTONIC, .timeout = timeout_ns}},
  };
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(subs, &ev, timeout_ns != 0 ? 2 : 1, &n));
  CHECK_EQ(n, 1);
  if (timed_out != NULL) *timed_out = ev.type == CLOUDABI_EVENTTYPE_CLOCK;
  if (ev.type == CLOUDABI_EVENTTYPE_CLOCK) {
    CHECK_EQ(ev.userdata, 8);
  } else {
    CHECK_EQ(ev.type, CLOUDABI_EVENTTYPE_CONDVAR);
    CHECK_EQ(ev.userdata, 7);
  }
  return ev.error;
}

// pthread_cond_signal/broadcast: only call the runtime if somebody waits.
__attribute__((unused)) static void test_cond_signal(_Atomic(cloudabi_condvar_t) *cv,
                                                     cloudabi_scope_t scope, uint32_t n) {
  if (atomic_load(cv) != CLOUDABI_CONDVAR_HAS_NO_WAITERS)
    CHECK_OK(cloudabi_sys_condvar_signal(cv, scope, n));
}

// The calling thread's ID, as the runtime writes it into lock words.
__attribute__((unused)) static cloudabi_tid_t test_self_tid(void) {
  _Atomic(cloudabi_lock_t) probe = CLOUDABI_LOCK_UNLOCKED;
  CHECK_OK(test_lock_poll(&probe, CLOUDABI_SCOPE_PRIVATE, CLOUDABI_EVENTTYPE_LOCK_WRLOCK));
  cloudabi_lock_t w = atomic_load(&probe);
  CHECK((w & CLOUDABI_LOCK_WRLOCKED) != 0);
  cloudabi_tid_t tid = w & ~(CLOUDABI_LOCK_WRLOCKED | CLOUDABI_LOCK_KERNEL_MANAGED);
  CHECK_OK(cloudabi_sys_lock_unlock(&probe, CLOUDABI_SCOPE_PRIVATE));
  CHECK_EQ(atomic_load(&probe), CLOUDABI_LOCK_UNLOCKED);
  return tid;
}

__attribute__((unused)) static cloudabi_timestamp_t test_now(cloudabi_clockid_t clock) {
  cloudabi_timestamp_t t;
  CHECK_OK(cloudabi_sys_clock_time_get(clock, 0, &t));
  return t;
}

#endif
