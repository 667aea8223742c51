// pthread read-write locks: concurrent readers, writer exclusion, writer
// preference, timed locks, the attribute object.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>

#include "harness.h"

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;

static void *tryrdlock_elsewhere(void *arg) {
  (void)arg;
  // Another thread reads: reading is allowed, writing is not.
  CHECK_OK(pthread_rwlock_tryrdlock(&lock));
  CHECK_OK(pthread_rwlock_rdlock(&lock));
  CHECK_EQ(pthread_rwlock_trywrlock(&lock), EBUSY);
  CHECK_OK(pthread_rwlock_unlock(&lock));
  CHECK_OK(pthread_rwlock_unlock(&lock));
  return NULL;
}

static void *trywrlock_elsewhere(void *arg) {
  (void)arg;
  CHECK_EQ(pthread_rwlock_tryrdlock(&lock), EBUSY);
  CHECK_EQ(pthread_rwlock_trywrlock(&lock), EBUSY);
  CHECK_EQ(pthread_rwlock_unlock(&lock), EPERM);
  return NULL;
}

TEST(readers_share_writers_exclude) {
  CHECK_OK(pthread_rwlock_rdlock(&lock));
  CHECK_OK(pthread_rwlock_rdlock(&lock));  // recursive read locks are fine
  pthread_t t;
  CHECK_OK(pthread_create(&t, NULL, tryrdlock_elsewhere, NULL));
  CHECK_OK(pthread_join(t, NULL));
  CHECK_EQ(pthread_rwlock_destroy(&lock), EBUSY);
  CHECK_OK(pthread_rwlock_unlock(&lock));
  CHECK_OK(pthread_rwlock_unlock(&lock));
  CHECK_EQ(pthread_rwlock_unlock(&lock), EPERM);

  CHECK_OK(pthread_rwlock_wrlock(&lock));
  CHECK_EQ(pthread_rwlock_wrlock(&lock), EDEADLK);
  CHECK_EQ(pthread_rwlock_rdlock(&lock), EDEADLK);
  CHECK_EQ(pthread_rwlock_tryrdlock(&lock), EBUSY);
  CHECK_OK(pthread_create(&t, NULL, trywrlock_elsewhere, NULL));
  CHECK_OK(pthread_join(t, NULL));
  CHECK_OK(pthread_rwlock_unlock(&lock));
  CHECK_OK(pthread_rwlock_destroy(&lock));
}

// Writers update two fields that readers check for equality.
#define READERS 3
#define WRITERS 2
#define ROUNDS 3000
static pthread_rwlock_t pair_lock = PTHREAD_RWLOCK_INITIALIZER;
static volatile long first, second;
static atomic_int readers_inside, max_readers_inside;

static void *writer(void *arg) {
  (void)arg;
  for (int i = 0; i < ROUNDS; ++i) {
    CHECK_OK(pthread_rwlock_wrlock(&pair_lock));
    CHECK_EQ(atomic_load(&readers_inside), 0);
    first = first + 1;
    if (i % 32 == 0) sched_yield();
    second = second + 1;
    CHECK_OK(pthread_rwlock_unlock(&pair_lock));
  }
  return NULL;
}

static void *reader(void *arg) {
  (void)arg;
  for (int i = 0; i < ROUNDS; ++i) {
    CHECK_OK(pthread_rwlock_rdlock(&pair_lock));
    int inside = atomic_fetch_add(&readers_inside, 1) + 1;
    int max = atomic_load(&max_readers_inside);
    while (inside > max && !atomic_compare_exchange_weak(&max_readers_inside, &max, inside)) {
    }
    CHECK_EQ(first, second);
    if (i % 32 == 0) sched_yield();
    CHECK_EQ(first, second);
    atomic_fetch_sub(&readers_inside, 1);
    CHECK_OK(pthread_rwlock_unlock(&pair_lock));
  }
  return NULL;
}

TEST(writer_exclusion_under_load) {
  pthread_t r[READERS], w[WRITERS];
  for (int i = 0; i < READERS; ++i) CHECK_OK(pthread_create(&r[i], NULL, reader, NULL));
  for (int i = 0; i < WRITERS; ++i) CHECK_OK(pthread_create(&w[i], NULL, writer, NULL));
  for (int i = 0; i < READERS; ++i) CHECK_OK(pthread_join(r[i], NULL));
  for (int i = 0; i < WRITERS; ++i) CHECK_OK(pthread_join(w[i], NULL));
  CHECK_EQ(first, WRITERS * ROUNDS);
  CHECK_EQ(second, WRITERS * ROUNDS);
  harness_log("most readers inside at once: ");
  harness_log_int(atomic_load(&max_readers_inside));
  harness_log("\n");
}

// Writer preference: once a writer waits, a thread without read locks may
// not start reading, but one that already reads may read again (else it
// would deadlock against the writer).
static pthread_rwlock_t pref = PTHREAD_RWLOCK_INITIALIZER;
static atomic_int writer_done;

static void *waiting_writer(void *arg) {
  (void)arg;
  CHECK_OK(pthread_rwlock_wrlock(&pref));
  atomic_store(&writer_done, 1);
  CHECK_OK(pthread_rwlock_unlock(&pref));
  return NULL;
}

static void *new_reader(void *arg) {
  (void)arg;
  CHECK_EQ(pthread_rwlock_tryrdlock(&pref), EBUSY);
  return NULL;
}

TEST(writers_are_preferred) {
  CHECK_OK(pthread_rwlock_rdlock(&pref));
  pthread_t w, r;
  CHECK_OK(pthread_create(&w, NULL, waiting_writer, NULL));
  // The lock word says so once the writer sleeps (KERNEL_MANAGED, bit 31).
  while ((atomic_load((_Atomic(unsigned int) *)&pref.__state) & 0x80000000u) == 0) sched_yield();
  CHECK_EQ(atomic_load(&writer_done), 0);
  CHECK_OK(pthread_create(&r, NULL, new_reader, NULL));
  CHECK_OK(pthread_join(r, NULL));
  CHECK_OK(pthread_rwlock_tryrdlock(&pref));
  CHECK_OK(pthread_rwlock_unlock(&pref));
  CHECK_EQ(atomic_load(&writer_done), 0);
  CHECK_OK(pthread_rwlock_unlock(&pref));
  CHECK_OK(pthread_join(w, NULL));
  CHECK_EQ(atomic_load(&writer_done), 1);
}

static struct timespec in_ms(int ms) {
  struct timespec ts;
  CHECK_OK(clock_gettime(CLOCK_REALTIME, &ts));
  ts.tv_nsec += (long)ms * 1000000;
  ts.tv_sec += ts.tv_nsec / 1000000000;
  ts.tv_nsec %= 1000000000;
  return ts;
}

static void *timed_elsewhere(void *arg) {
  (void)arg;
  struct timespec deadline = in_ms(30), now;
  CHECK_EQ(pthread_rwlock_timedwrlock(&pref, &deadline), ETIMEDOUT);
  CHECK_OK(clock_gettime(CLOCK_REALTIME, &now));
  CHECK(now.tv_sec > deadline.tv_sec ||
        (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec));
  deadline = in_ms(30);
  CHECK_EQ(pthread_rwlock_timedrdlock(&pref, &deadline), ETIMEDOUT);
  CHECK_OK(clock_gettime(CLOCK_REALTIME, &now));
  CHECK(now.tv_sec > deadline.tv_sec ||
        (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec));
  return NULL;
}

TEST(timed_locks) {
  struct timespec deadline = in_ms(1000);
  CHECK_OK(pthread_rwlock_timedwrlock(&pref, &deadline));
  pthread_t t;
  CHECK_OK(pthread_create(&t, NULL, timed_elsewhere, NULL));
  CHECK_OK(pthread_join(t, NULL));
  CHECK_OK(pthread_rwlock_unlock(&pref));
  CHECK_OK(pthread_rwlock_timedrdlock(&pref, &deadline));
  CHECK_OK(pthread_rwlock_unlock(&pref));
}

TEST(rwlockattr) {
  pthread_rwlockattr_t attr;
  CHECK_OK(pthread_rwlockattr_init(&attr));
  int v = 0;
  CHECK_OK(pthread_rwlockattr_getpshared(&attr, &v));
  CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
  CHECK_EQ(pthread_rwlockattr_setpshared(&attr, 0), EINVAL);
  CHECK_OK(pthread_rwlockattr_setpshared(&attr, PTHREAD_PROCESS_SHARED));
  pthread_rwlock_t l;
  CHECK_OK(pthread_rwlock_init(&l, &attr));
  CHECK_EQ(l.__pshared, PTHREAD_PROCESS_SHARED);
  CHECK_OK(pthread_rwlock_rdlock(&l));
  CHECK_OK(pthread_rwlock_unlock(&l));
  CHECK_OK(pthread_rwlock_destroy(&l));
  CHECK_OK(pthread_rwlockattr_destroy(&attr));
}
