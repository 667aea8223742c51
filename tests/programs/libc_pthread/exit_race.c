// Several threads call exit() at the same time: the exit handlers run once,
// and the process ends with the status of the thread that got there first
// (all use 0 here).
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "harness.h"

#define THREADS 4

static pthread_barrier_t start_line;
static atomic_int handler_runs;

static void at_end(void) {
  if (atomic_fetch_add(&handler_runs, 1) != 0) {
    harness_log("FAIL: an atexit handler ran twice\n");
    _Exit(1);
  }
  // Let the other threads reach exit() while the handlers still run.
  for (int i = 0; i < 100; ++i) sched_yield();
  harness_log("ALL PASSED\n");
}

static void *call_exit(void *arg) {
  (void)arg;
  pthread_barrier_wait(&start_line);
  exit(0);
}

TEST(concurrent_exit_runs_handlers_once) {
  CHECK_OK(atexit(at_end));
  CHECK_OK(pthread_barrier_init(&start_line, NULL, THREADS));
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; ++i) CHECK_OK(pthread_create(&t[i], NULL, call_exit, NULL));
  // None of them returns: the process ends in exit().
  for (int i = 0; i < THREADS; ++i) pthread_join(t[i], NULL);
  harness_log("FAIL: the process outlived exit()\n");
  _Exit(1);
}
