// C11 <threads.h>: threads, mutexes, condition variables, thread-specific
// storage and call_once.
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <threads.h>
#include <time.h>

#include "harness.h"

static mtx_t m;
static cnd_t c;
static long counter;
static int ready;

static int add(void *arg) {
  for (int i = 0; i < 10000; ++i) {
    CHECK_EQ(mtx_lock(&m), thrd_success);
    ++counter;
    CHECK_EQ(mtx_unlock(&m), thrd_success);
  }
  return (int)(intptr_t)arg;
}

TEST(threads_and_mutexes) {
  CHECK_EQ(mtx_init(&m, mtx_plain), thrd_success);
  thrd_t t[3];
  for (int i = 0; i < 3; ++i)
    CHECK_EQ(thrd_create(&t[i], add, (void *)(intptr_t)(i + 10)), thrd_success);
  for (int i = 0; i < 3; ++i) {
    int r = 0;
    CHECK_EQ(thrd_join(t[i], &r), thrd_success);
    CHECK_EQ(r, i + 10);
  }
  CHECK_EQ(counter, 30000);
  CHECK(thrd_equal(thrd_current(), thrd_current()));
  CHECK_EQ(mtx_trylock(&m), thrd_success);
  CHECK_EQ(mtx_trylock(&m), thrd_busy);
  CHECK_EQ(mtx_unlock(&m), thrd_success);
  mtx_destroy(&m);

  mtx_t r;
  CHECK_EQ(mtx_init(&r, mtx_timed | mtx_recursive), thrd_success);
  CHECK_EQ(mtx_lock(&r), thrd_success);
  CHECK_EQ(mtx_trylock(&r), thrd_success);
  CHECK_EQ(mtx_unlock(&r), thrd_success);
  CHECK_EQ(mtx_unlock(&r), thrd_success);
  mtx_destroy(&r);
  CHECK_EQ(mtx_init(&r, 0x100), thrd_error);
}

static int exit_with(void *arg) { thrd_exit((int)(intptr_t)arg); }

static int signal_ready(void *arg) {
  (void)arg;
  mtx_lock(&m);
  ready = 1;
  cnd_signal(&c);
  mtx_unlock(&m);
  return 0;
}

TEST(condition_variables_and_exit) {
  CHECK_EQ(mtx_init(&m, mtx_timed), thrd_success);
  CHECK_EQ(cnd_init(&c), thrd_success);
  thrd_t t;
  int r = 0;
  CHECK_EQ(thrd_create(&t, exit_with, (void *)77), thrd_success);
  CHECK_EQ(thrd_join(t, &r), thrd_success);
  CHECK_EQ(r, 77);

  CHECK_EQ(mtx_lock(&m), thrd_success);
  CHECK_EQ(thrd_create(&t, signal_ready, NULL), thrd_success);
  while (!ready) CHECK_EQ(cnd_wait(&c, &m), thrd_success);
  CHECK_EQ(thrd_join(t, NULL), thrd_success);

  // TIME_UTC deadlines; only that it took at least the timeout is checked.
  struct timespec start, deadline, end;
  CHECK_EQ(timespec_get(&start, TIME_UTC), TIME_UTC);
  deadline = start;
  deadline.tv_nsec += 30 * 1000000;
  deadline.tv_sec += deadline.tv_nsec / 1000000000;
  deadline.tv_nsec %= 1000000000;
  CHECK_EQ(cnd_timedwait(&c, &m, &deadline), thrd_timedout);
  CHECK_EQ(timespec_get(&end, TIME_UTC), TIME_UTC);
  CHECK(end.tv_sec > deadline.tv_sec ||
        (end.tv_sec == deadline.tv_sec && end.tv_nsec >= deadline.tv_nsec));
  CHECK_EQ(mtx_unlock(&m), thrd_success);
  CHECK_EQ(cnd_broadcast(&c), thrd_success);
  cnd_destroy(&c);
  mtx_destroy(&m);
}

static tss_t key;
static atomic_int destroyed;
static once_flag flag = ONCE_FLAG_INIT;
static atomic_int once_calls;

static void destroy(void *value) {
  CHECK_EQ((intptr_t)value, 5);
  atomic_fetch_add(&destroyed, 1);
}

static void init_once(void) { atomic_fetch_add(&once_calls, 1); }

static int use_tss(void *arg) {
  (void)arg;
  call_once(&flag, init_once);
  CHECK(tss_get(key) == NULL);
  CHECK_EQ(tss_set(key, (void *)5), thrd_success);
  CHECK(tss_get(key) == (void *)5);
  thrd_yield();
  struct timespec nap = {.tv_sec = 0, .tv_nsec = 1000000};
  CHECK_EQ(thrd_sleep(&nap, NULL), 0);
  return 0;
}

TEST(tss_and_call_once) {
  CHECK_EQ(tss_create(&key, destroy), thrd_success);
  thrd_t t[4];
  for (int i = 0; i < 4; ++i) CHECK_EQ(thrd_create(&t[i], use_tss, NULL), thrd_success);
  for (int i = 0; i < 4; ++i) CHECK_EQ(thrd_join(t[i], NULL), thrd_success);
  CHECK_EQ(atomic_load(&destroyed), 4);
  CHECK_EQ(atomic_load(&once_calls), 1);
  tss_delete(key);

  thrd_t d;
  CHECK_EQ(thrd_create(&d, exit_with, NULL), thrd_success);
  CHECK_EQ(thrd_detach(d), thrd_success);
}
