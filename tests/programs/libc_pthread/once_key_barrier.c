// pthread_once under contention, thread-specific data with destructors,
// and barriers.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

#include "harness.h"

#define THREADS 6

static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_int once_runs;
static int once_result;  // written only by the routine
static pthread_barrier_t start_line;

static void slow_routine(void) {
  atomic_fetch_add(&once_runs, 1);
  // Give the other threads time to pile up behind the routine.
  for (int i = 0; i < 200; ++i) sched_yield();
  once_result = 1234;
}

static void *call_once_routine(void *arg) {
  (void)arg;
  pthread_barrier_wait(&start_line);
  CHECK_OK(pthread_once(&once, slow_routine));
  // Everybody sees the routine's effects once pthread_once returns.
  CHECK_EQ(once_result, 1234);
  return NULL;
}

TEST(once_under_contention) {
  CHECK_OK(pthread_barrier_init(&start_line, NULL, THREADS));
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_create(&t[i], NULL, call_once_routine, NULL));
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_join(t[i], NULL));
  CHECK_EQ(atomic_load(&once_runs), 1);
  CHECK_OK(pthread_once(&once, slow_routine));
  CHECK_EQ(atomic_load(&once_runs), 1);
  CHECK_OK(pthread_barrier_destroy(&start_line));
}

// Barriers: in every round exactly one thread gets the serial value, and
// nobody leaves a round before everybody has arrived.
#define ROUNDS 200
static pthread_barrier_t barrier;
static atomic_int arrived[ROUNDS];
static atomic_int serials[ROUNDS];

static void *barrier_rounds(void *arg) {
  (void)arg;
  for (int r = 0; r < ROUNDS; ++r) {
    atomic_fetch_add(&arrived[r], 1);
    int result = pthread_barrier_wait(&barrier);
    CHECK(result == 0 || result == PTHREAD_BARRIER_SERIAL_THREAD);
    if (result == PTHREAD_BARRIER_SERIAL_THREAD) atomic_fetch_add(&serials[r], 1);
    CHECK_EQ(atomic_load(&arrived[r]), THREADS);
  }
  return NULL;
}

TEST(barrier) {
  pthread_barrierattr_t attr;
  CHECK_OK(pthread_barrierattr_init(&attr));
  int v = 0;
  CHECK_OK(pthread_barrierattr_getpshared(&attr, &v));
  CHECK_EQ(v, PTHREAD_PROCESS_PRIVATE);
  CHECK_EQ(pthread_barrierattr_setpshared(&attr, 5), EINVAL);
  CHECK_OK(pthread_barrierattr_setpshared(&attr, PTHREAD_PROCESS_PRIVATE));
  CHECK_EQ(pthread_barrier_init(&barrier, &attr, 0), EINVAL);
  CHECK_OK(pthread_barrier_init(&barrier, &attr, THREADS));
  CHECK_OK(pthread_barrierattr_destroy(&attr));
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_create(&t[i], NULL, barrier_rounds, NULL));
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_join(t[i], NULL));
  for (int r = 0; r < ROUNDS; ++r) CHECK_EQ(atomic_load(&serials[r]), 1);
  CHECK_OK(pthread_barrier_destroy(&barrier));
}

// Keys.
static pthread_key_t key_a, key_b;
static atomic_int freed_a, freed_b;

static void free_a(void *value) {
  CHECK_EQ(*(int *)value, 0xa);
  free(value);
  atomic_fetch_add(&freed_a, 1);
}

// Stores a new value twice: destructors run again, up to
// PTHREAD_DESTRUCTOR_ITERATIONS rounds.
static void free_b(void *value) {
  atomic_fetch_add(&freed_b, 1);
  if ((intptr_t)value < 3) CHECK_OK(pthread_setspecific(key_b, (void *)((intptr_t)value + 1)));
}

static void *use_keys(void *arg) {
  (void)arg;
  CHECK(pthread_getspecific(key_a) == NULL);
  int *value = malloc(sizeof(int));
  CHECK(value != NULL);
  *value = 0xa;
  CHECK_OK(pthread_setspecific(key_a, value));
  CHECK(pthread_getspecific(key_a) == value);
  CHECK_OK(pthread_setspecific(key_b, (void *)1));
  return NULL;
}

static void *set_and_clear(void *arg) {
  (void)arg;
  int *value = malloc(sizeof(int));
  CHECK(value != NULL);
  CHECK_OK(pthread_setspecific(key_a, value));
  CHECK_OK(pthread_setspecific(key_a, NULL));  // NULL values get no destructor call
  free(value);
  return NULL;
}

TEST(keys_and_destructors) {
  CHECK_OK(pthread_key_create(&key_a, free_a));
  CHECK_OK(pthread_key_create(&key_b, free_b));
  CHECK(key_a != key_b);
  CHECK_OK(pthread_setspecific(key_a, (void *)&key_a));
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_create(&t[i], NULL, use_keys, NULL));
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_join(t[i], NULL));
  CHECK_EQ(atomic_load(&freed_a), THREADS);
  CHECK_EQ(atomic_load(&freed_b), 3 * THREADS);  // values 1, 2, 3
  // The main thread's value was not touched by the others.
  CHECK(pthread_getspecific(key_a) == (void *)&key_a);
  pthread_t u;
  CHECK_OK(pthread_create(&u, NULL, set_and_clear, NULL));
  CHECK_OK(pthread_join(u, NULL));
  CHECK_EQ(atomic_load(&freed_a), THREADS);

  // A deleted key's values are gone, and the key is invalid.
  CHECK_OK(pthread_key_delete(key_a));
  CHECK_EQ(pthread_key_delete(key_a), EINVAL);
  CHECK_EQ(pthread_setspecific(key_a, NULL), EINVAL);
  pthread_key_t again;
  CHECK_OK(pthread_key_create(&again, NULL));
  CHECK(pthread_getspecific(again) == NULL);
  CHECK_OK(pthread_key_delete(again));
  CHECK_OK(pthread_key_delete(key_b));
}

TEST(key_limit) {
  static pthread_key_t keys[PTHREAD_KEYS_MAX + 1];
  int created = 0;
  while (created <= PTHREAD_KEYS_MAX && pthread_key_create(&keys[created], NULL) == 0) ++created;
  CHECK_EQ(created, PTHREAD_KEYS_MAX);
  CHECK_EQ(pthread_key_create(&keys[created], NULL), EAGAIN);
  for (int i = 0; i < created; ++i) CHECK_OK(pthread_key_delete(keys[i]));
}
