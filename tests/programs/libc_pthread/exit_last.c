// The initial thread may end with pthread_exit; the last thread to end
// ends the process like exit(0), running atexit handlers. Another thread
// can join the initial thread.
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "harness.h"

static pthread_t initial;

static void at_end(void) { harness_log("ALL PASSED\n"); }

static void *survivor(void *arg) {
  (void)arg;
  void *r;
  CHECK_OK(pthread_join(initial, &r));
  CHECK(r == (void *)0x1717);
  harness_log("joined the initial thread\n");
  // Returning makes this the last thread: exit(0) runs at_end.
  return NULL;
}

TEST(initial_thread_exits_first) {
  initial = pthread_self();
  CHECK_OK(atexit(at_end));
  pthread_t t;
  CHECK_OK(pthread_create(&t, NULL, survivor, NULL));
  pthread_exit((void *)0x1717);
}
