// pthread mutexes and spin locks: mutual exclusion under contention,
// trylock, recursion, timed locks, lock_pair_np and the attribute objects.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

#include "harness.h"

#define THREADS 4
#define INCREMENTS 20000

// The cloudlibc ABI: one 12-byte lock type for mutexes, rwlocks, spin locks.
_Static_assert(sizeof(pthread_mutex_t) == 12, "pthread_mutex_t size");
_Static_assert(sizeof(pthread_rwlock_t) == 12, "pthread_rwlock_t size");
_Static_assert(sizeof(pthread_spinlock_t) == 12, "pthread_spinlock_t size");
_Static_assert(sizeof(pthread_cond_t) == 12, "pthread_cond_t size");
_Static_assert(sizeof(pthread_barrier_t) == 36, "pthread_barrier_t size");
_Static_assert(sizeof(pthread_once_t) == 4, "pthread_once_t size");
_Static_assert(sizeof(pthread_t) == sizeof(void *), "pthread_t is a pointer");
_Static_assert(PTHREAD_PROCESS_PRIVATE == 4 && PTHREAD_PROCESS_SHARED == 8, "lock scopes");

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_spinlock_t spin;
// Not atomic on purpose: the lock is what keeps the increments whole.
static volatile long counter;

static void *add_under_mutex(void *arg) {
  (void)arg;
  for (int i = 0; i < INCREMENTS; ++i) {
    CHECK_OK(pthread_mutex_lock(&counter_lock));
    long v = counter;
    if (i % 64 == 0) sched_yield();  // widen the window for a broken lock
    counter = v + 1;
    CHECK_OK(pthread_mutex_unlock(&counter_lock));
  }
  return NULL;
}

TEST(contention_gives_exact_count) {
  counter = 0;
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_create(&t[i], NULL, add_under_mutex, NULL));
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_join(t[i], NULL));
  CHECK_EQ(counter, THREADS * INCREMENTS);
  CHECK_OK(pthread_mutex_destroy(&counter_lock));
}

static void *add_under_spinlock(void *arg) {
  (void)arg;
  for (int i = 0; i < INCREMENTS; ++i) {
    CHECK_OK(pthread_spin_lock(&spin));
    counter = counter + 1;
    CHECK_OK(pthread_spin_unlock(&spin));
  }
  return NULL;
}

TEST(spinlock_contention) {
  counter = 0;
  CHECK_EQ(pthread_spin_init(&spin, 99), EINVAL);
  CHECK_OK(pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE));
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_create(&t[i], NULL, add_under_spinlock, NULL));
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_join(t[i], NULL));
  CHECK_EQ(counter, THREADS * INCREMENTS);
  CHECK_OK(pthread_spin_trylock(&spin));
  CHECK_EQ(pthread_spin_destroy(&spin), EBUSY);
  CHECK_OK(pthread_spin_unlock(&spin));
  CHECK_OK(pthread_spin_destroy(&spin));
}

static void *trylock_other(void *arg) {
  pthread_mutex_t *m = arg;
  CHECK_EQ(pthread_mutex_trylock(m), EBUSY);
  CHECK_EQ(pthread_mutex_unlock(m), EPERM);  // not the owner
  return (void *)1;
}

TEST(trylock_busy_and_owner_checks) {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  CHECK_EQ(pthread_mutex_unlock(&m), EPERM);  // not locked
  CHECK_OK(pthread_mutex_trylock(&m));
  CHECK_EQ(pthread_mutex_trylock(&m), EBUSY);  // not recursive
  CHECK_EQ(pthread_mutex_lock(&m), EDEADLK);
  CHECK_EQ(pthread_mutex_destroy(&m), EBUSY);
  pthread_t t;
  void *r;
  CHECK_OK(pthread_create(&t, NULL, trylock_other, &m));
  CHECK_OK(pthread_join(t, &r));
  CHECK(r == (void *)1);
  CHECK_OK(pthread_mutex_unlock(&m));
  CHECK_OK(pthread_mutex_trylock(&m));
  CHECK_OK(pthread_mutex_unlock(&m));
  CHECK_OK(pthread_mutex_destroy(&m));
}

static atomic_int tried;

static void *lock_recursive_elsewhere(void *arg) {
  pthread_mutex_t *m = arg;
  CHECK_EQ(pthread_mutex_trylock(m), EBUSY);
  atomic_store(&tried, 1);
  CHECK_OK(pthread_mutex_lock(m));  // blocks until the main thread let go 3 times
  CHECK_OK(pthread_mutex_unlock(m));
  return NULL;
}

TEST(recursive_mutex) {
  pthread_mutex_t statically = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
  pthread_mutexattr_t attr;
  CHECK_OK(pthread_mutexattr_init(&attr));
  int type = -1;
  CHECK_OK(pthread_mutexattr_gettype(&attr, &type));
  CHECK_EQ(type, PTHREAD_MUTEX_DEFAULT);
  CHECK_EQ(pthread_mutexattr_settype(&attr, 12345), EINVAL);
  CHECK_OK(pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE));
  CHECK_OK(pthread_mutexattr_gettype(&attr, &type));
  CHECK_EQ(type, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_t dynamic;
  CHECK_OK(pthread_mutex_init(&dynamic, &attr));
  CHECK_OK(pthread_mutexattr_destroy(&attr));

  pthread_mutex_t *mutexes[] = {&statically, &dynamic};
  for (int i = 0; i < 2; ++i) {
    pthread_mutex_t *m = mutexes[i];
    CHECK_OK(pthread_mutex_lock(m));
    CHECK_OK(pthread_mutex_lock(m));
    CHECK_OK(pthread_mutex_trylock(m));
    pthread_t t;
    atomic_store(&tried, 0);
    CHECK_OK(pthread_create(&t, NULL, lock_recursive_elsewhere, m));
    while (!atomic_load(&tried)) sched_yield();
    CHECK_OK(pthread_mutex_unlock(m));
    CHECK_OK(pthread_mutex_unlock(m));
    CHECK_OK(pthread_mutex_unlock(m));
    CHECK_EQ(pthread_mutex_unlock(m), EPERM);
    CHECK_OK(pthread_join(t, NULL));
    CHECK_OK(pthread_mutex_destroy(m));
  }
}

static int64_t ns_between(struct timespec a, struct timespec b) {
  return (int64_t)(b.tv_sec - a.tv_sec) * 1000000000 + (b.tv_nsec - a.tv_nsec);
}

static void *timedlock_elsewhere(void *arg) {
  pthread_mutex_t *m = arg;
  struct timespec start, deadline, end;
  CHECK_OK(clock_gettime(CLOCK_REALTIME, &start));
  deadline = start;
  deadline.tv_nsec += 50 * 1000000;
  if (deadline.tv_nsec >= 1000000000) {
    deadline.tv_nsec -= 1000000000;
    ++deadline.tv_sec;
  }
  CHECK_EQ(pthread_mutex_timedlock(m, &deadline), ETIMEDOUT);
  CHECK_OK(clock_gettime(CLOCK_REALTIME, &end));
  CHECK(ns_between(start, end) >= 50 * 1000000);
  struct timespec bad = {.tv_sec = 0, .tv_nsec = 1000000000};
  CHECK_EQ(pthread_mutex_timedlock(m, &bad), EINVAL);
  return NULL;
}

TEST(timedlock) {
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  // A free mutex is taken even with a deadline in the past or malformed.
  struct timespec past = {.tv_sec = 0, .tv_nsec = 0};
  CHECK_OK(pthread_mutex_timedlock(&m, &past));
  pthread_t t;
  CHECK_OK(pthread_create(&t, NULL, timedlock_elsewhere, &m));
  CHECK_OK(pthread_join(t, NULL));
  CHECK_OK(pthread_mutex_unlock(&m));
  struct timespec bad = {.tv_sec = -1, .tv_nsec = 0};
  CHECK_OK(pthread_mutex_timedlock(&m, &bad));
  CHECK_OK(pthread_mutex_unlock(&m));
}

// Two threads take the same two mutexes in opposite orders, many times.
static pthread_mutex_t pair_a = PTHREAD_MUTEX_INITIALIZER, pair_b = PTHREAD_MUTEX_INITIALIZER;
static long pair_count;

static void *lock_pairs(void *arg) {
  int reverse = arg != NULL;
  for (int i = 0; i < 5000; ++i) {
    CHECK_OK(reverse ? pthread_mutex_lock_pair_np(&pair_b, &pair_a)
                     : pthread_mutex_lock_pair_np(&pair_a, &pair_b));
    ++pair_count;
    CHECK_OK(pthread_mutex_unlock(&pair_a));
    CHECK_OK(pthread_mutex_unlock(&pair_b));
  }
  return NULL;
}

TEST(lock_pair_np) {
  pthread_t t[2];
  CHECK_OK(pthread_create(&t[0], NULL, lock_pairs, NULL));
  CHECK_OK(pthread_create(&t[1], NULL, lock_pairs, (void *)1));
  CHECK_OK(pthread_join(t[0], NULL));
  CHECK_OK(pthread_join(t[1], NULL));
  CHECK_EQ(pair_count, 10000);
  CHECK_OK(pthread_mutex_lock_pair_np(&pair_a, &pair_a));
  CHECK_OK(pthread_mutex_unlock(&pair_a));
}

TEST(mutexattr) {
  pthread_mutexattr_t attr;
  CHECK_OK(pthread_mutexattr_init(&attr));
  int v = 0;
  CHECK_OK(pthread_mutexattr_getpshared(&attr, &v));
  CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
  CHECK_EQ(pthread_mutexattr_setpshared(&attr, 1), EINVAL);
  CHECK_OK(pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED));
  CHECK_OK(pthread_mutexattr_getpshared(&attr, &v));
  CHECK_EQ(v, PTHREAD_PROCESS_SHARED);
  CHECK_OK(pthread_mutexattr_getprotocol(&attr, &v));
  CHECK_EQ(v, PTHREAD_PRIO_INHERIT);
  CHECK_OK(pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT));
  CHECK_EQ(pthread_mutexattr_setprotocol(&attr, 0x7777), ENOTSUP);
  CHECK_OK(pthread_mutexattr_getrobust(&attr, &v));
  CHECK_EQ(v, PTHREAD_MUTEX_STALLED);
  CHECK_EQ(pthread_mutexattr_setrobust(&attr, 1), EINVAL);
  // A process-shared mutex works within the process too.
  pthread_mutex_t m;
  CHECK_OK(pthread_mutex_init(&m, &attr));
  CHECK_OK(pthread_mutex_lock(&m));
  CHECK_OK(pthread_mutex_unlock(&m));
  CHECK_OK(pthread_mutex_destroy(&m));
  CHECK_OK(pthread_mutexattr_destroy(&attr));
}
