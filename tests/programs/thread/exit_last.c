// The initial thread may end with thread_exit while other threads go on; the
// process ends, with exit status 0, when its last thread ends. The initial
// thread's lock is released only once it is gone.
#include <stdatomic.h>

#include "harness.h"
#include "test_threads.h"

static _Atomic(cloudabi_lock_t) main_join;

static void survivor(cloudabi_tid_t tid, void *arg) {
  (void)tid;
  (void)arg;
  // Blocks until the initial thread has ended.
  CHECK_OK(test_lock_poll(&main_join, CLOUDABI_SCOPE_PRIVATE, CLOUDABI_EVENTTYPE_LOCK_RDLOCK));
  harness_log("initial thread has ended\n");
  harness_log("ALL PASSED\n");
  // The last thread: this ends the process with status 0. (The runner fails
  // the test if the process lingers or exits with another status.)
}

TEST(initial_thread_exits_first) {
  cloudabi_tid_t self = test_self_tid();
  atomic_store(&main_join, self | CLOUDABI_LOCK_WRLOCKED);
  struct test_thread t;
  CHECK_OK(test_thread_start(&t, survivor, NULL));
  harness_log("initial thread exits\n");
  cloudabi_sys_thread_exit(&main_join, CLOUDABI_SCOPE_PRIVATE);
}
