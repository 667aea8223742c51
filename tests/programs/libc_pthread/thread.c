// pthread_create/join/detach/self/equal/exit, attributes, per-thread TLS,
// errno and unsafe stacks, thread_local destructors, detached threads.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static _Thread_local int tls_value = 42;
static _Thread_local char tls_zeroed[100];

static void *return_arg_plus_one(void *arg) { return (void *)((intptr_t)arg + 1); }

TEST(join_returns_the_result) {
  pthread_t t[8];
  for (intptr_t i = 0; i < 8; ++i)
    CHECK_OK(pthread_create(&t[i], NULL, return_arg_plus_one, (void *)(i * 10)));
  for (intptr_t i = 0; i < 8; ++i) {
    void *r = NULL;
    CHECK_OK(pthread_join(t[i], &r));
    CHECK_EQ((intptr_t)r, i * 10 + 1);
  }
}

static void *exit_early(void *arg) {
  (void)arg;
  pthread_exit((void *)0x5eed);
}

TEST(pthread_exit_result) {
  pthread_t t;
  void *r;
  CHECK_OK(pthread_create(&t, NULL, exit_early, NULL));
  CHECK_OK(pthread_join(t, &r));
  CHECK(r == (void *)0x5eed);
}

static pthread_t seen_self;

static void *record_self(void *arg) {
  (void)arg;
  seen_self = pthread_self();
  CHECK(pthread_equal(pthread_self(), pthread_self()));
  return NULL;
}

TEST(self_and_equal) {
  pthread_t main_thread = pthread_self();
  CHECK(pthread_equal(main_thread, pthread_self()));
  CHECK_EQ(pthread_join(main_thread, NULL), EDEADLK);
  pthread_t t;
  CHECK_OK(pthread_create(&t, NULL, record_self, NULL));
  CHECK_OK(pthread_join(t, NULL));
  CHECK(pthread_equal(seen_self, t));
  CHECK(!pthread_equal(seen_self, main_thread));
}

// Every thread has its own copy of the TLS image, its own errno, and its
// own unsafe stack (arrays whose address escapes live there under
// SafeStack).
static void *check_thread_state(void *arg) {
  int id = (int)(intptr_t)arg;
  CHECK_EQ(tls_value, 42);
  for (size_t i = 0; i < sizeof(tls_zeroed); ++i) CHECK_EQ(tls_zeroed[i], 0);
  tls_value = id;
  memset(tls_zeroed, id, sizeof(tls_zeroed));
  errno = id;
  char buf[4096];
  memset(buf, id, sizeof(buf));
  for (int i = 0; i < 50; ++i) sched_yield();
  for (size_t i = 0; i < sizeof(buf); ++i) CHECK_EQ(buf[i], (char)id);
  CHECK_EQ(errno, id);
  CHECK_EQ(tls_value, id);
  CHECK_EQ(tls_zeroed[99], id);
  return NULL;
}

// arc4random keeps its state per thread; threads draw different streams.
static void *draw_random(void *arg) {
  arc4random_buf(arg, 32);
  return NULL;
}

TEST(arc4random_per_thread) {
  unsigned char a[32], b[32], c[32];
  pthread_t t, u;
  CHECK_OK(pthread_create(&t, NULL, draw_random, a));
  CHECK_OK(pthread_create(&u, NULL, draw_random, b));
  arc4random_buf(c, sizeof(c));
  CHECK_OK(pthread_join(t, NULL));
  CHECK_OK(pthread_join(u, NULL));
  CHECK(memcmp(a, b, 32) != 0 && memcmp(a, c, 32) != 0 && memcmp(b, c, 32) != 0);
}

TEST(thread_local_state) {
  tls_value = 7;
  errno = 0;
  pthread_t t[4];
  for (int i = 0; i < 4; ++i)
    CHECK_OK(pthread_create(&t[i], NULL, check_thread_state, (void *)(intptr_t)(i + 1)));
  for (int i = 0; i < 4; ++i) CHECK_OK(pthread_join(t[i], NULL));
  CHECK_EQ(tls_value, 7);
  CHECK_EQ(errno, 0);
}

// Deep recursion with a frame on both stacks needs the requested size.
static int deep(int n) {
  volatile char frame[512];
  frame[0] = (char)n;
  char *escaped = (char *)frame;  // keeps some of it on the unsafe stack
  return n == 0 ? escaped[0] : deep(n - 1) + escaped[0] - (char)n + 1;
}

static void *recurse(void *arg) { return (void *)(intptr_t)deep((int)(intptr_t)arg); }

TEST(attributes_and_stack_size) {
  pthread_attr_t attr;
  CHECK_OK(pthread_attr_init(&attr));
  size_t size = 0;
  CHECK_OK(pthread_attr_getstacksize(&attr, &size));
  CHECK(size >= PTHREAD_STACK_MIN);
  CHECK_EQ(pthread_attr_setstacksize(&attr, 1), EINVAL);
  CHECK_OK(pthread_attr_setstacksize(&attr, 4 << 20));
  CHECK_OK(pthread_attr_getstacksize(&attr, &size));
  CHECK_EQ(size, 4 << 20);
  int state = -1;
  CHECK_OK(pthread_attr_getdetachstate(&attr, &state));
  CHECK_EQ(state, PTHREAD_CREATE_JOINABLE);
  CHECK_EQ(pthread_attr_setdetachstate(&attr, 99), EINVAL);
  // About 3 MiB of frames: more than the default stack, less than 4 MiB.
  pthread_t t;
  void *r;
  CHECK_OK(pthread_create(&t, &attr, recurse, (void *)(intptr_t)5000));
  CHECK_OK(pthread_join(t, &r));
  CHECK_EQ((intptr_t)r, 5000);
  CHECK_OK(pthread_attr_destroy(&attr));
}

// Detached threads free their memory themselves (through the next thread
// creation or ending detached thread); many of them in a row must neither
// fail nor exhaust memory.
#define DETACHED 300
static atomic_int detached_done;

static void *count_and_end(void *arg) {
  (void)arg;
  atomic_fetch_add(&detached_done, 1);
  return NULL;
}

TEST(detached_threads) {
  pthread_attr_t attr;
  CHECK_OK(pthread_attr_init(&attr));
  CHECK_OK(pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED));
  int state = -1;
  CHECK_OK(pthread_attr_getdetachstate(&attr, &state));
  CHECK_EQ(state, PTHREAD_CREATE_DETACHED);
  for (int i = 0; i < DETACHED; ++i) {
    pthread_t t;
    CHECK_OK(pthread_create(&t, &attr, count_and_end, NULL));
    // Half are detached after creation instead.
    if (i % 50 == 0) {
      pthread_t u;
      CHECK_OK(pthread_create(&u, NULL, count_and_end, NULL));
      CHECK_OK(pthread_detach(u));
    }
  }
  while (atomic_load(&detached_done) < DETACHED + DETACHED / 50) sched_yield();
  CHECK_OK(pthread_attr_destroy(&attr));
}

static void *detach_self(void *arg) {
  (void)arg;
  CHECK_OK(pthread_detach(pthread_self()));
  CHECK_EQ(pthread_detach(pthread_self()), EINVAL);
  atomic_fetch_add(&detached_done, 1);
  return NULL;
}

static void *just_end(void *arg) { return arg; }

TEST(detach_self_and_detach_ended) {
  atomic_store(&detached_done, 0);
  pthread_t t;
  CHECK_OK(pthread_create(&t, NULL, detach_self, NULL));
  while (atomic_load(&detached_done) < 1) sched_yield();
  // Detaching a thread that has already ended frees it.
  CHECK_OK(pthread_create(&t, NULL, just_end, NULL));
  for (int i = 0; i < 100; ++i) sched_yield();
  CHECK_OK(pthread_detach(t));
}

// thread_local objects with destructors (C++'s __cxa_thread_atexit) are
// destroyed when their thread ends, last registered first.
int __cxa_thread_atexit(void (*func)(void *), void *arg, void *dso);
static int dtor_order[3], dtor_count;
static pthread_mutex_t dtor_lock = PTHREAD_MUTEX_INITIALIZER;

static void record_dtor(void *arg) {
  pthread_mutex_lock(&dtor_lock);
  dtor_order[dtor_count++] = (int)(intptr_t)arg;
  pthread_mutex_unlock(&dtor_lock);
}

static void *register_dtors(void *arg) {
  (void)arg;
  for (intptr_t i = 1; i <= 3; ++i) CHECK_OK(__cxa_thread_atexit(record_dtor, (void *)i, NULL));
  return NULL;
}

TEST(thread_atexit_runs_at_thread_end) {
  pthread_t t;
  CHECK_OK(pthread_create(&t, NULL, register_dtors, NULL));
  CHECK_OK(pthread_join(t, NULL));
  CHECK_EQ(dtor_count, 3);
  CHECK_EQ(dtor_order[0], 3);
  CHECK_EQ(dtor_order[1], 2);
  CHECK_EQ(dtor_order[2], 1);
}
