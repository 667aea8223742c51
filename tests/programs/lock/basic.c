// The lock-word protocol on one thread: acquiring through poll, lock_unlock,
// EDEADLK/EPERM/EINVAL, timeouts on every clock, and the event layout.
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "test_threads.h"

#define WR CLOUDABI_LOCK_WRLOCKED
#define KM CLOUDABI_LOCK_KERNEL_MANAGED
#define PRIV CLOUDABI_SCOPE_PRIVATE
#define SHARED CLOUDABI_SCOPE_SHARED

static cloudabi_tid_t self;

TEST(setup) {
  self = test_self_tid();
  CHECK(self != 0);
}

TEST(wrlock_and_unlock) {
  for (int s = 0; s < 2; ++s) {
    cloudabi_scope_t scope = s ? SHARED : PRIV;
    _Atomic(cloudabi_lock_t) l = 0;
    CHECK_OK(test_lock_poll(&l, scope, CLOUDABI_EVENTTYPE_LOCK_WRLOCK));
    CHECK_EQ(atomic_load(&l), self | WR);
    CHECK_OK(cloudabi_sys_lock_unlock(&l, scope));
    CHECK_EQ(atomic_load(&l), 0);
    // With KERNEL_MANAGED set (nobody actually waiting) it is cleared too.
    atomic_store(&l, self | WR | KM);
    CHECK_OK(cloudabi_sys_lock_unlock(&l, scope));
    CHECK_EQ(atomic_load(&l), 0);
  }
}

TEST(rdlock_counts_readers) {
  _Atomic(cloudabi_lock_t) l = 0;
  CHECK_OK(test_lock_poll(&l, PRIV, CLOUDABI_EVENTTYPE_LOCK_RDLOCK));
  CHECK_EQ(atomic_load(&l), 1);
  CHECK_OK(test_lock_poll(&l, PRIV, CLOUDABI_EVENTTYPE_LOCK_RDLOCK));
  CHECK_EQ(atomic_load(&l), 2);
  atomic_store(&l, 41);
  CHECK_OK(test_lock_poll(&l, SHARED, CLOUDABI_EVENTTYPE_LOCK_RDLOCK));
  CHECK_EQ(atomic_load(&l), 42);
}

TEST(edeadlk_on_own_write_lock) {
  _Atomic(cloudabi_lock_t) l = self | WR;
  CHECK_ERRNO(test_lock_poll(&l, PRIV, CLOUDABI_EVENTTYPE_LOCK_WRLOCK), CLOUDABI_EDEADLK);
  CHECK_ERRNO(test_lock_poll(&l, PRIV, CLOUDABI_EVENTTYPE_LOCK_RDLOCK), CLOUDABI_EDEADLK);
  atomic_store(&l, self | WR | KM);
  CHECK_ERRNO(test_lock_poll(&l, SHARED, CLOUDABI_EVENTTYPE_LOCK_WRLOCK), CLOUDABI_EDEADLK);
  CHECK_EQ(atomic_load(&l), self | WR | KM);
}

TEST(eperm_when_not_the_owner) {
  _Atomic(cloudabi_lock_t) l = 0;
  CHECK_ERRNO(cloudabi_sys_lock_unlock(&l, PRIV), CLOUDABI_EPERM);
  atomic_store(&l, (self + 1) | WR);
  CHECK_ERRNO(cloudabi_sys_lock_unlock(&l, PRIV), CLOUDABI_EPERM);
  atomic_store(&l, (self + 1) | WR | KM);
  CHECK_ERRNO(cloudabi_sys_lock_unlock(&l, SHARED), CLOUDABI_EPERM);
  atomic_store(&l, 3);  // read-locked
  CHECK_ERRNO(cloudabi_sys_lock_unlock(&l, PRIV), CLOUDABI_EPERM);
  atomic_store(&l, 1 | KM);
  CHECK_ERRNO(cloudabi_sys_lock_unlock(&l, PRIV), CLOUDABI_EPERM);
  CHECK_EQ(atomic_load(&l), 1 | KM);
}

TEST(einval_scope_alignment_bogus) {
  _Atomic(cloudabi_lock_t) l = 0;
  static const cloudabi_scope_t bad[] = {0, 1, 5, 6, 9, 0xff};
  for (size_t i = 0; i < sizeof(bad); ++i) {
    CHECK_ERRNO(cloudabi_sys_lock_unlock(&l, bad[i]), CLOUDABI_EINVAL);
    CHECK_ERRNO(test_lock_poll(&l, bad[i], CLOUDABI_EVENTTYPE_LOCK_WRLOCK), CLOUDABI_EINVAL);
    CHECK_ERRNO(test_lock_poll(&l, bad[i], CLOUDABI_EVENTTYPE_LOCK_RDLOCK), CLOUDABI_EINVAL);
    _Atomic(cloudabi_condvar_t) cv = 0;
    CHECK_ERRNO(cloudabi_sys_condvar_signal(&cv, bad[i], 1), CLOUDABI_EINVAL);
  }
  CHECK_EQ(atomic_load(&l), 0);
  // A misaligned lock word.
  static _Alignas(8) char buf[16];
  _Atomic(cloudabi_lock_t) *odd = (_Atomic(cloudabi_lock_t) *)(buf + 1);
  CHECK_ERRNO(test_lock_poll(odd, PRIV, CLOUDABI_EVENTTYPE_LOCK_WRLOCK), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_lock_unlock(odd, PRIV), CLOUDABI_EINVAL);
  // A null one.
  CHECK_ERRNO(test_lock_poll(NULL, PRIV, CLOUDABI_EVENTTYPE_LOCK_WRLOCK), CLOUDABI_EFAULT);
  CHECK_ERRNO(cloudabi_sys_lock_unlock(NULL, PRIV), CLOUDABI_EFAULT);
  // KERNEL_MANAGED alone (LOCK_BOGUS) is never a valid lock state.
  atomic_store(&l, CLOUDABI_LOCK_BOGUS);
  CHECK_ERRNO(test_lock_poll(&l, PRIV, CLOUDABI_EVENTTYPE_LOCK_WRLOCK), CLOUDABI_EINVAL);
  CHECK_ERRNO(test_lock_poll(&l, PRIV, CLOUDABI_EVENTTYPE_LOCK_RDLOCK), CLOUDABI_EINVAL);
}

// [lock, clock] on a lock held by somebody else: the clock's event comes back.
static void expect_timeout(cloudabi_eventtype_t type, cloudabi_clockid_t clock,
                           cloudabi_timestamp_t timeout, int absolute) {
  _Atomic(cloudabi_lock_t) l = (self + 1) | WR;  // held by a thread that never lets go
  cloudabi_subscription_t subs[2];
  memset(subs, 0, sizeof(subs));
  subs[0].userdata = 0x1111;
  subs[0].type = type;
  subs[0].lock.lock = &l;
  subs[0].lock.lock_scope = PRIV;
  subs[1].userdata = 0x2222;
  subs[1].type = CLOUDABI_EVENTTYPE_CLOCK;
  subs[1].clock.clock_id = clock;
  subs[1].clock.timeout = timeout;
  subs[1].clock.flags = absolute ? CLOUDABI_SUBSCRIPTION_CLOCK_ABSTIME : 0;
  cloudabi_event_t ev[2];
  memset(ev, 0x5a, sizeof(ev));
  size_t n = 99;
  cloudabi_timestamp_t before = test_now(CLOUDABI_CLOCK_MONOTONIC);
  CHECK_OK(cloudabi_sys_poll(subs, ev, 2, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev[0].userdata, 0x2222);
  CHECK_EQ(ev[0].type, CLOUDABI_EVENTTYPE_CLOCK);
  CHECK_EQ(ev[0].error, 0);
  // The rest of the event is zero; the second event was not written.
  for (size_t i = 16; i < sizeof(ev[0]); ++i) CHECK_EQ(((unsigned char *)&ev[0])[i], 0);
  CHECK_EQ(((unsigned char *)&ev[1])[0], 0x5a);
  // The waiter announced itself before giving up.
  CHECK_EQ(atomic_load(&l), (self + 1) | WR | KM);
  if (!absolute && clock == CLOUDABI_CLOCK_MONOTONIC)
    CHECK(test_now(CLOUDABI_CLOCK_MONOTONIC) >= before + timeout);
}

TEST(timeouts_on_all_clocks) {
  static const cloudabi_eventtype_t types[] = {CLOUDABI_EVENTTYPE_LOCK_WRLOCK,
                                               CLOUDABI_EVENTTYPE_LOCK_RDLOCK};
  for (int i = 0; i < 2; ++i) {
    cloudabi_eventtype_t t = types[i];
    expect_timeout(t, CLOUDABI_CLOCK_MONOTONIC, 2000000, 0);
    expect_timeout(t, CLOUDABI_CLOCK_MONOTONIC, test_now(CLOUDABI_CLOCK_MONOTONIC) + 2000000, 1);
    expect_timeout(t, CLOUDABI_CLOCK_MONOTONIC, 0, 1);  // long past
    expect_timeout(t, CLOUDABI_CLOCK_MONOTONIC, 0, 0);  // zero: just try
    expect_timeout(t, CLOUDABI_CLOCK_REALTIME, 2000000, 0);
    expect_timeout(t, CLOUDABI_CLOCK_REALTIME, test_now(CLOUDABI_CLOCK_REALTIME) + 2000000, 1);
    expect_timeout(t, CLOUDABI_CLOCK_REALTIME, 1, 1);
    expect_timeout(t, CLOUDABI_CLOCK_THREAD_CPUTIME_ID, 1000000, 0);
    expect_timeout(t, CLOUDABI_CLOCK_THREAD_CPUTIME_ID, 0, 1);
    // The process CPU clock only advances while some thread runs; a deadline
    // already reached times out at once.
    expect_timeout(t, CLOUDABI_CLOCK_PROCESS_CPUTIME_ID, 1, 1);
    expect_timeout(t, CLOUDABI_CLOCK_PROCESS_CPUTIME_ID, 0, 0);
  }
}

TEST(free_lock_with_clock_is_acquired) {
  _Atomic(cloudabi_lock_t) l = 0;
  cloudabi_subscription_t subs[2] = {
      {.userdata = 1,
       .type = CLOUDABI_EVENTTYPE_LOCK_WRLOCK,
       .lock = {.lock = &l, .lock_scope = PRIV}},
      {.userdata = 2,
       .type = CLOUDABI_EVENTTYPE_CLOCK,
       .clock = {.clock_id = CLOUDABI_CLOCK_MONOTONIC, .timeout = 0}},
  };
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(subs, &ev, 2, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev.userdata, 1);
  CHECK_EQ(ev.type, CLOUDABI_EVENTTYPE_LOCK_WRLOCK);
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(atomic_load(&l), self | WR);
}

TEST(invalid_clock_in_lock_shape) {
  _Atomic(cloudabi_lock_t) l = (self + 1) | WR;
  cloudabi_subscription_t subs[2] = {
      {.userdata = 1,
       .type = CLOUDABI_EVENTTYPE_LOCK_WRLOCK,
       .lock = {.lock = &l, .lock_scope = PRIV}},
      {.userdata = 2, .type = CLOUDABI_EVENTTYPE_CLOCK, .clock = {.clock_id = 99, .timeout = 1}},
  };
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(subs, &ev, 2, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev.userdata, 1);
  CHECK_EQ(ev.type, CLOUDABI_EVENTTYPE_LOCK_WRLOCK);
  CHECK_EQ(ev.error, CLOUDABI_EINVAL);
  CHECK_EQ(atomic_load(&l), (self + 1) | WR);  // untouched
}

TEST(condvar_wait_errors) {
  _Atomic(cloudabi_lock_t) l = 0;
  _Atomic(cloudabi_condvar_t) cv = 0;
  // The lock must be held for writing by the caller.
  CHECK_ERRNO(test_cond_wait(&cv, &l, PRIV, 0, NULL), CLOUDABI_EPERM);
  atomic_store(&l, (self + 1) | WR);
  CHECK_ERRNO(test_cond_wait(&cv, &l, PRIV, 0, NULL), CLOUDABI_EPERM);
  atomic_store(&l, 2);
  CHECK_ERRNO(test_cond_wait(&cv, &l, PRIV, 0, NULL), CLOUDABI_EPERM);
  CHECK_EQ(atomic_load(&cv), 0);
  // Bad scopes.
  atomic_store(&l, self | WR);
  cloudabi_subscription_t sub = {
      .type = CLOUDABI_EVENTTYPE_CONDVAR,
      .condvar = {.condvar = &cv, .lock = &l, .condvar_scope = 3, .lock_scope = PRIV}};
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(&sub, &ev, 1, &n));
  CHECK_EQ(ev.error, CLOUDABI_EINVAL);
  sub.condvar.condvar_scope = PRIV;
  sub.condvar.lock_scope = 0;
  CHECK_OK(cloudabi_sys_poll(&sub, &ev, 1, &n));
  CHECK_EQ(ev.error, CLOUDABI_EINVAL);
  // The lock is still ours after the failed attempts.
  CHECK_EQ(atomic_load(&l), self | WR);
  CHECK_EQ(atomic_load(&cv), 0);
}

TEST(condvar_wait_times_out_holding_the_lock) {
  for (int s = 0; s < 2; ++s) {
    cloudabi_scope_t scope = s ? SHARED : PRIV;
    _Atomic(cloudabi_lock_t) l = self | WR;
    _Atomic(cloudabi_condvar_t) cv = 0;
    int timed_out = 0;
    cloudabi_timestamp_t before = test_now(CLOUDABI_CLOCK_MONOTONIC);
    CHECK_OK(test_cond_wait(&cv, &l, scope, 3000000, &timed_out));
    CHECK(timed_out);
    CHECK(test_now(CLOUDABI_CLOCK_MONOTONIC) >= before + 3000000);
    CHECK_EQ(atomic_load(&l) & ~KM, self | WR);
    CHECK_EQ(atomic_load(&cv), CLOUDABI_CONDVAR_HAS_NO_WAITERS);
  }
}

TEST(condvar_signal_without_waiters) {
  _Atomic(cloudabi_condvar_t) cv = 0;
  CHECK_OK(cloudabi_sys_condvar_signal(&cv, PRIV, 1));
  CHECK_OK(cloudabi_sys_condvar_signal(&cv, SHARED, UINT32_MAX));
  CHECK_OK(cloudabi_sys_condvar_signal(&cv, PRIV, 0));
  CHECK_EQ(atomic_load(&cv), 0);
  CHECK_ERRNO(cloudabi_sys_condvar_signal(NULL, PRIV, 1), CLOUDABI_EFAULT);
}
