// poll with CLOCK subscriptions (all clocks, relative and absolute), the
// general mode's error events, and the call's own errors. Timing assertions
// only check that a clock did expire (the clock read afterwards is past the
// deadline), never how long it took.
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "test_threads.h"

static cloudabi_subscription_t clock_sub(uint64_t userdata, cloudabi_clockid_t clock,
                                         cloudabi_timestamp_t timeout, int absolute) {
  cloudabi_subscription_t s;
  memset(&s, 0, sizeof(s));
  s.userdata = userdata;
  s.type = CLOUDABI_EVENTTYPE_CLOCK;
  s.clock.clock_id = clock;
  s.clock.timeout = timeout;
  s.clock.flags = absolute ? CLOUDABI_SUBSCRIPTION_CLOCK_ABSTIME : 0;
  return s;
}

static void check_clock_event(const cloudabi_event_t *ev, uint64_t userdata,
                              cloudabi_errno_t error) {
  CHECK_EQ(ev->userdata, userdata);
  CHECK_EQ(ev->type, CLOUDABI_EVENTTYPE_CLOCK);
  CHECK_EQ(ev->error, error);
  for (size_t i = 16; i < sizeof(*ev); ++i) CHECK_EQ(((const unsigned char *)ev)[i], 0);
}

// One clock; afterwards the clock it names must have passed the deadline.
static void sleep_on(cloudabi_clockid_t clock, cloudabi_timestamp_t timeout, int absolute) {
  cloudabi_timestamp_t before = test_now(clock);
  cloudabi_timestamp_t deadline = absolute ? timeout : before + timeout;
  cloudabi_subscription_t s = clock_sub(0xc10c, clock, timeout, absolute);
  cloudabi_event_t ev;
  memset(&ev, 0xff, sizeof(ev));
  size_t n = 0;
  CHECK_OK(cloudabi_sys_poll(&s, &ev, 1, &n));
  CHECK_EQ(n, 1);
  check_clock_event(&ev, 0xc10c, 0);
  if (clock != CLOUDABI_CLOCK_THREAD_CPUTIME_ID) CHECK(test_now(clock) >= deadline);
}

TEST(monotonic) {
  sleep_on(CLOUDABI_CLOCK_MONOTONIC, 1000000, 0);
  sleep_on(CLOUDABI_CLOCK_MONOTONIC, test_now(CLOUDABI_CLOCK_MONOTONIC) + 2000000, 1);
  sleep_on(CLOUDABI_CLOCK_MONOTONIC, 0, 0);
  sleep_on(CLOUDABI_CLOCK_MONOTONIC, 0, 1);
  sleep_on(CLOUDABI_CLOCK_MONOTONIC, 1, 1);
}

TEST(realtime) {
  sleep_on(CLOUDABI_CLOCK_REALTIME, 1000000, 0);
  sleep_on(CLOUDABI_CLOCK_REALTIME, test_now(CLOUDABI_CLOCK_REALTIME) + 2000000, 1);
  sleep_on(CLOUDABI_CLOCK_REALTIME, 0, 1);
}

// The process CPU clock only advances while a thread runs: keep one busy.
static _Atomic int spin_stop;
static void spinner(cloudabi_tid_t tid, void *arg) {
  (void)tid;
  (void)arg;
  while (!atomic_load(&spin_stop)) {
  }
}

TEST(process_cputime) {
  sleep_on(CLOUDABI_CLOCK_PROCESS_CPUTIME_ID, 0, 1);
  sleep_on(CLOUDABI_CLOCK_PROCESS_CPUTIME_ID, 0, 0);
  struct test_thread t;
  atomic_store(&spin_stop, 0);
  CHECK_OK(test_thread_start(&t, spinner, NULL));
  sleep_on(CLOUDABI_CLOCK_PROCESS_CPUTIME_ID, 3000000, 0);
  sleep_on(CLOUDABI_CLOCK_PROCESS_CPUTIME_ID, test_now(CLOUDABI_CLOCK_PROCESS_CPUTIME_ID) + 3000000,
           1);
  // In the general path too (with a second, far-away clock).
  cloudabi_timestamp_t deadline = test_now(CLOUDABI_CLOCK_PROCESS_CPUTIME_ID) + 3000000;
  cloudabi_subscription_t s[2] = {
      clock_sub(1, CLOUDABI_CLOCK_MONOTONIC, 3600000000000ull, 0),
      clock_sub(2, CLOUDABI_CLOCK_PROCESS_CPUTIME_ID, deadline, 1),
  };
  cloudabi_event_t ev[2];
  size_t n;
  CHECK_OK(cloudabi_sys_poll(s, ev, 2, &n));
  CHECK_EQ(n, 1);
  check_clock_event(&ev[0], 2, 0);
  CHECK(test_now(CLOUDABI_CLOCK_PROCESS_CPUTIME_ID) >= deadline);
  atomic_store(&spin_stop, 1);
  test_thread_join(&t);
}

TEST(thread_cputime) {
  // The waiting thread's CPU clock cannot advance while it waits: the
  // remaining CPU time is waited for as a duration.
  cloudabi_timestamp_t before = test_now(CLOUDABI_CLOCK_MONOTONIC);
  sleep_on(CLOUDABI_CLOCK_THREAD_CPUTIME_ID, 2000000, 0);
  CHECK(test_now(CLOUDABI_CLOCK_MONOTONIC) >= before + 2000000);
  sleep_on(CLOUDABI_CLOCK_THREAD_CPUTIME_ID, 0, 1);
  before = test_now(CLOUDABI_CLOCK_MONOTONIC);
  sleep_on(CLOUDABI_CLOCK_THREAD_CPUTIME_ID, test_now(CLOUDABI_CLOCK_THREAD_CPUTIME_ID) + 2000000,
           1);
  CHECK(test_now(CLOUDABI_CLOCK_MONOTONIC) > before);
}

TEST(every_expired_clock_is_reported) {
  cloudabi_timestamp_t now = test_now(CLOUDABI_CLOCK_MONOTONIC);
  cloudabi_subscription_t s[4] = {
      clock_sub(1, CLOUDABI_CLOCK_MONOTONIC, now, 1),
      clock_sub(2, CLOUDABI_CLOCK_MONOTONIC, 3600000000000ull, 0),
      clock_sub(3, CLOUDABI_CLOCK_REALTIME, 0, 1),
      clock_sub(4, CLOUDABI_CLOCK_MONOTONIC, 0, 0),
  };
  cloudabi_event_t ev[4];
  size_t n;
  CHECK_OK(cloudabi_sys_poll(s, ev, 4, &n));
  CHECK_EQ(n, 3);
  check_clock_event(&ev[0], 1, 0);
  check_clock_event(&ev[1], 3, 0);
  check_clock_event(&ev[2], 4, 0);
}

TEST(nearest_clock_wins) {
  cloudabi_timestamp_t before = test_now(CLOUDABI_CLOCK_MONOTONIC);
  cloudabi_subscription_t s[3] = {
      clock_sub(1, CLOUDABI_CLOCK_MONOTONIC, 3600000000000ull, 0),
      clock_sub(2, CLOUDABI_CLOCK_REALTIME, test_now(CLOUDABI_CLOCK_REALTIME) + 3000000, 1),
      clock_sub(3, CLOUDABI_CLOCK_MONOTONIC, UINT64_MAX, 0),  // never
  };
  cloudabi_event_t ev[3];
  size_t n;
  CHECK_OK(cloudabi_sys_poll(s, ev, 3, &n));
  CHECK_EQ(n, 1);
  check_clock_event(&ev[0], 2, 0);
  CHECK(test_now(CLOUDABI_CLOCK_MONOTONIC) >= before);
}

TEST(invalid_clocks_and_types_are_error_events) {
  cloudabi_subscription_t s[5] = {
      clock_sub(1, 0, 1, 0),
      clock_sub(2, CLOUDABI_CLOCK_MONOTONIC, 3600000000000ull, 0),
      clock_sub(3, 99, 1, 1),
      clock_sub(4, CLOUDABI_CLOCK_MONOTONIC, 3600000000000ull, 0),
      clock_sub(5, CLOUDABI_CLOCK_MONOTONIC, 3600000000000ull, 0),
  };
  s[4].type = 99;  // no such event type
  cloudabi_event_t ev[5];
  size_t n;
  CHECK_OK(cloudabi_sys_poll(s, ev, 5, &n));
  CHECK_EQ(n, 3);
  check_clock_event(&ev[0], 1, CLOUDABI_EINVAL);
  check_clock_event(&ev[1], 3, CLOUDABI_EINVAL);
  CHECK_EQ(ev[2].userdata, 5);
  CHECK_EQ(ev[2].type, 99);
  CHECK_EQ(ev[2].error, CLOUDABI_EINVAL);
  // A lone invalid clock too.
  CHECK_OK(cloudabi_sys_poll(&s[2], ev, 1, &n));
  CHECK_EQ(n, 1);
  check_clock_event(&ev[0], 3, CLOUDABI_EINVAL);
}

TEST(locks_outside_their_shapes_are_einval) {
  _Atomic(cloudabi_lock_t) l = 0;
  _Atomic(cloudabi_condvar_t) cv = 0;
  cloudabi_subscription_t lock;
  memset(&lock, 0, sizeof(lock));
  lock.userdata = 9;
  lock.type = CLOUDABI_EVENTTYPE_LOCK_WRLOCK;
  lock.lock.lock = &l;
  lock.lock.lock_scope = CLOUDABI_SCOPE_PRIVATE;
  cloudabi_subscription_t cond;
  memset(&cond, 0, sizeof(cond));
  cond.userdata = 10;
  cond.type = CLOUDABI_EVENTTYPE_CONDVAR;
  cond.condvar.condvar = &cv;
  cond.condvar.lock = &l;
  cond.condvar.condvar_scope = CLOUDABI_SCOPE_PRIVATE;
  cond.condvar.lock_scope = CLOUDABI_SCOPE_PRIVATE;
  cloudabi_subscription_t far = clock_sub(1, CLOUDABI_CLOCK_MONOTONIC, 3600000000000ull, 0);

  // A clock first, then a lock.
  cloudabi_subscription_t s1[2] = {far, lock};
  cloudabi_event_t ev[3];
  size_t n;
  CHECK_OK(cloudabi_sys_poll(s1, ev, 2, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev[0].userdata, 9);
  CHECK_EQ(ev[0].type, CLOUDABI_EVENTTYPE_LOCK_WRLOCK);
  CHECK_EQ(ev[0].error, CLOUDABI_EINVAL);
  // A lock followed by two clocks.
  cloudabi_subscription_t s2[3] = {lock, far, far};
  CHECK_OK(cloudabi_sys_poll(s2, ev, 3, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev[0].userdata, 9);
  CHECK_EQ(ev[0].error, CLOUDABI_EINVAL);
  // Two locks.
  cloudabi_subscription_t s3[2] = {cond, lock};
  CHECK_OK(cloudabi_sys_poll(s3, ev, 2, &n));
  CHECK_EQ(n, 2);
  CHECK_EQ(ev[0].userdata, 10);
  CHECK_EQ(ev[0].type, CLOUDABI_EVENTTYPE_CONDVAR);
  CHECK_EQ(ev[0].error, CLOUDABI_EINVAL);
  CHECK_EQ(ev[1].error, CLOUDABI_EINVAL);
  // Nothing was acquired.
  CHECK_EQ(atomic_load(&l), 0);
  CHECK_EQ(atomic_load(&cv), 0);
}

TEST(no_subscriptions) {
  size_t n = 99;
  cloudabi_event_t ev;
  CHECK_OK(cloudabi_sys_poll(NULL, &ev, 0, &n));
  CHECK_EQ(n, 0);
  CHECK_OK(cloudabi_sys_poll(NULL, NULL, 0, &n));
  CHECK_EQ(n, 0);
}

TEST(bad_arrays_are_efault) {
  cloudabi_subscription_t s = clock_sub(1, CLOUDABI_CLOCK_MONOTONIC, 0, 0);
  cloudabi_event_t ev;
  size_t n = 77;
  CHECK_ERRNO(cloudabi_sys_poll(NULL, &ev, 1, &n), CLOUDABI_EFAULT);
  CHECK_ERRNO(cloudabi_sys_poll(&s, NULL, 1, &n), CLOUDABI_EFAULT);
  CHECK_ERRNO(cloudabi_sys_poll(&s, &ev, 1, NULL), CLOUDABI_EFAULT);
  // A count far beyond the arrays, and one whose size overflows.
  CHECK_ERRNO(cloudabi_sys_poll(&s, &ev, (size_t)1 << 40, &n), CLOUDABI_EFAULT);
  CHECK_ERRNO(cloudabi_sys_poll(&s, &ev, SIZE_MAX / 8, &n), CLOUDABI_EFAULT);
  CHECK_EQ(n, 77);
}

TEST(unaligned_arrays) {
  static _Alignas(16) unsigned char in[1 + 2 * sizeof(cloudabi_subscription_t)];
  static _Alignas(16) unsigned char out[3 + 2 * sizeof(cloudabi_event_t)];
  cloudabi_subscription_t s[2] = {
      clock_sub(0x0123456789abcdefull, CLOUDABI_CLOCK_MONOTONIC, 0, 0),
      clock_sub(2, CLOUDABI_CLOCK_MONOTONIC, 3600000000000ull, 0),
  };
  memcpy(in + 1, s, sizeof(s));
  size_t n;
  CHECK_OK(cloudabi_sys_poll((const cloudabi_subscription_t *)(in + 1),
                             (cloudabi_event_t *)(out + 3), 2, &n));
  CHECK_EQ(n, 1);
  cloudabi_event_t ev;
  memcpy(&ev, out + 3, sizeof(ev));
  check_clock_event(&ev, 0x0123456789abcdefull, 0);
}
