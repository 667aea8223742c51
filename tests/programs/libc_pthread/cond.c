// pthread condition variables: producer/consumer, broadcast, timeouts on
// both clocks and relative ones, the attribute object.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include "harness.h"

// A bounded queue: producers wait while it is full, consumers while empty.
#define SLOTS 4
#define PRODUCERS 2
#define CONSUMERS 2
#define ITEMS 5000  // per producer

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t q_not_full = PTHREAD_COND_INITIALIZER;
static long q_items[SLOTS];
static int q_head, q_len;
static int producers_left = PRODUCERS;

static void *producer(void *arg) {
  long base = (long)(intptr_t)arg * ITEMS;
  for (long i = 1; i <= ITEMS; ++i) {
    CHECK_OK(pthread_mutex_lock(&q_lock));
    while (q_len == SLOTS) CHECK_OK(pthread_cond_wait(&q_not_full, &q_lock));
    q_items[(q_head + q_len++) % SLOTS] = base + i;
    CHECK_OK(pthread_cond_signal(&q_not_empty));
    CHECK_OK(pthread_mutex_unlock(&q_lock));
  }
  CHECK_OK(pthread_mutex_lock(&q_lock));
  --producers_left;
  CHECK_OK(pthread_cond_broadcast(&q_not_empty));  // consumers may stop
  CHECK_OK(pthread_mutex_unlock(&q_lock));
  return NULL;
}

static void *consumer(void *arg) {
  (void)arg;
  long sum = 0;
  for (;;) {
    CHECK_OK(pthread_mutex_lock(&q_lock));
    while (q_len == 0 && producers_left > 0) CHECK_OK(pthread_cond_wait(&q_not_empty, &q_lock));
    if (q_len == 0) {
      CHECK_OK(pthread_mutex_unlock(&q_lock));
      return (void *)(intptr_t)sum;
    }
    sum += q_items[q_head];
    q_head = (q_head + 1) % SLOTS;
    --q_len;
    CHECK_OK(pthread_cond_signal(&q_not_full));
    CHECK_OK(pthread_mutex_unlock(&q_lock));
  }
}

TEST(producer_consumer) {
  pthread_t p[PRODUCERS], c[CONSUMERS];
  for (int i = 0; i < CONSUMERS; ++i) CHECK_OK(pthread_create(&c[i], NULL, consumer, NULL));
  for (int i = 0; i < PRODUCERS; ++i)
    CHECK_OK(pthread_create(&p[i], NULL, producer, (void *)(intptr_t)i));
  for (int i = 0; i < PRODUCERS; ++i) CHECK_OK(pthread_join(p[i], NULL));
  long total = 0;
  for (int i = 0; i < CONSUMERS; ++i) {
    void *r;
    CHECK_OK(pthread_join(c[i], &r));
    total += (long)(intptr_t)r;
  }
  // Every item exactly once: the sum of 1..PRODUCERS*ITEMS.
  long n = (long)PRODUCERS * ITEMS;
  CHECK_EQ(total, n * (n + 1) / 2);
  CHECK_EQ(q_len, 0);
  CHECK_OK(pthread_cond_destroy(&q_not_empty));
  CHECK_OK(pthread_cond_destroy(&q_not_full));
}

// Broadcast wakes every waiter.
#define WAITERS 5
static pthread_mutex_t b_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t b_cond = PTHREAD_COND_INITIALIZER;
static int b_waiting, b_go, b_woken;

static void *broadcast_waiter(void *arg) {
  (void)arg;
  CHECK_OK(pthread_mutex_lock(&b_lock));
  ++b_waiting;
  while (!b_go) CHECK_OK(pthread_cond_wait(&b_cond, &b_lock));
  ++b_woken;
  CHECK_OK(pthread_mutex_unlock(&b_lock));
  return NULL;
}

TEST(broadcast_wakes_all) {
  pthread_t t[WAITERS];
  for (int i = 0; i < WAITERS; ++i) CHECK_OK(pthread_create(&t[i], NULL, broadcast_waiter, NULL));
  // Wait until all are inside pthread_cond_wait (they registered under the
  // lock, and the condvar word shows waiters once they sleep).
  for (;;) {
    CHECK_OK(pthread_mutex_lock(&b_lock));
    int all = b_waiting == WAITERS;
    CHECK_OK(pthread_mutex_unlock(&b_lock));
    if (all) break;
    sched_yield();
  }
  CHECK_OK(pthread_mutex_lock(&b_lock));
  b_go = 1;
  CHECK_OK(pthread_cond_broadcast(&b_cond));
  CHECK_OK(pthread_mutex_unlock(&b_lock));
  for (int i = 0; i < WAITERS; ++i) CHECK_OK(pthread_join(t[i], NULL));
  CHECK_EQ(b_woken, WAITERS);
  // Nobody waits: signalling is a no-op.
  CHECK_OK(pthread_cond_signal(&b_cond));
  CHECK_OK(pthread_cond_broadcast(&b_cond));
}

static int64_t now_ns(clockid_t clock) {
  struct timespec ts;
  CHECK_OK(clock_gettime(clock, &ts));
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static struct timespec at_ns(int64_t ns) {
  return (struct timespec){.tv_sec = ns / 1000000000, .tv_nsec = ns % 1000000000};
}

#define TIMEOUT_NS (40 * 1000000)

TEST(timedwait_times_out) {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t c = PTHREAD_COND_INITIALIZER;
  CHECK_OK(pthread_mutex_lock(&m));

  // Absolute, REALTIME (the default clock).
  int64_t start = now_ns(CLOCK_REALTIME);
  struct timespec deadline = at_ns(start + TIMEOUT_NS);
  CHECK_EQ(pthread_cond_timedwait(&c, &m, &deadline), ETIMEDOUT);
  CHECK(now_ns(CLOCK_REALTIME) >= start + TIMEOUT_NS);
  // The mutex is held again after the timeout.
  CHECK_EQ(pthread_mutex_trylock(&m), EBUSY);

  // Absolute, MONOTONIC.
  pthread_condattr_t attr;
  CHECK_OK(pthread_condattr_init(&attr));
  CHECK_OK(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC));
  pthread_cond_t mono;
  CHECK_OK(pthread_cond_init(&mono, &attr));
  start = now_ns(CLOCK_MONOTONIC);
  deadline = at_ns(start + TIMEOUT_NS);
  CHECK_EQ(pthread_cond_timedwait(&mono, &m, &deadline), ETIMEDOUT);
  CHECK(now_ns(CLOCK_MONOTONIC) >= start + TIMEOUT_NS);

  // Relative.
  start = now_ns(CLOCK_MONOTONIC);
  struct timespec rel = at_ns(TIMEOUT_NS);
  CHECK_EQ(pthread_cond_timedwait_relative_np(&mono, &m, &rel), ETIMEDOUT);
  CHECK(now_ns(CLOCK_MONOTONIC) >= start + TIMEOUT_NS);

  struct timespec bad = {.tv_sec = 1, .tv_nsec = -1};
  CHECK_EQ(pthread_cond_timedwait(&c, &m, &bad), EINVAL);
  CHECK_OK(pthread_mutex_unlock(&m));
  // Waiting requires holding the mutex.
  CHECK_EQ(pthread_cond_wait(&c, &m), EPERM);
  CHECK_OK(pthread_cond_destroy(&mono));
  CHECK_OK(pthread_condattr_destroy(&attr));
}

// A recursive mutex held several times is released fully for the wait and
// restored afterwards.
static pthread_mutex_t r_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_cond_t r_cond = PTHREAD_COND_INITIALIZER;
static int r_flag;

static void *set_flag(void *arg) {
  (void)arg;
  CHECK_OK(pthread_mutex_lock(&r_lock));
  CHECK_OK(pthread_mutex_lock(&r_lock));
  r_flag = 1;
  CHECK_OK(pthread_cond_signal(&r_cond));
  CHECK_OK(pthread_mutex_unlock(&r_lock));
  CHECK_OK(pthread_mutex_unlock(&r_lock));
  return NULL;
}

TEST(wait_with_recursive_mutex) {
  CHECK_OK(pthread_mutex_lock(&r_lock));
  CHECK_OK(pthread_mutex_lock(&r_lock));
  pthread_t t;
  CHECK_OK(pthread_create(&t, NULL, set_flag, NULL));
  while (!r_flag) CHECK_OK(pthread_cond_wait(&r_cond, &r_lock));
  CHECK_OK(pthread_mutex_unlock(&r_lock));
  CHECK_OK(pthread_mutex_unlock(&r_lock));
  CHECK_EQ(pthread_mutex_unlock(&r_lock), EPERM);
  CHECK_OK(pthread_join(t, NULL));
}

TEST(condattr) {
  pthread_condattr_t attr;
  CHECK_OK(pthread_condattr_init(&attr));
  clockid_t clock;
  CHECK_OK(pthread_condattr_getclock(&attr, &clock));
  CHECK(clock == CLOCK_REALTIME);
  CHECK_EQ(pthread_condattr_setclock(&attr, CLOCK_PROCESS_CPUTIME_ID), EINVAL);
  CHECK_OK(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC));
  CHECK_OK(pthread_condattr_getclock(&attr, &clock));
  CHECK(clock == CLOCK_MONOTONIC);
  int v = 0;
  CHECK_OK(pthread_condattr_getpshared(&attr, &v));
  CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
  CHECK_EQ(pthread_condattr_setpshared(&attr, 3), EINVAL);
  CHECK_OK(pthread_condattr_setpshared(&attr, PTHREAD_PROCESS_SHARED));
  CHECK_OK(pthread_condattr_getpshared(&attr, &v));
  CHECK_EQ(v, PTHREAD_PROCESS_SHARED);
  CHECK_OK(pthread_condattr_destroy(&attr));
}
