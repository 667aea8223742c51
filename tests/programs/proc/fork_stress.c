// proc_fork under load: several threads fork, wait for and close children
// while others churn the descriptor table. A child must find the runtime's
// state consistent (no lock left held by a thread that does not exist in it),
// so each child uses the descriptor table before it exits. Bounded: a fixed
// number of rounds, well within the runner's timeout.
#include <stdatomic.h>

#include "proc_util.h"
#include "test_threads.h"

#define FORKERS 3
#define ROUNDS 20

static atomic_int failures;
static atomic_int stop_churn;
static cloudabi_fd_t churn_a, churn_b;

static void forker(cloudabi_tid_t tid, void *arg) {
  (void)tid;
  uintptr_t id = (uintptr_t)arg;
  for (int i = 0; i < ROUNDS; ++i) {
    cloudabi_fd_t pd = fork_process(NULL);
    if (pd == CLOUDABI_PROCESS_CHILD) {
      cloudabi_fd_t dup;
      if (cloudabi_sys_fd_dup(churn_a, &dup) != 0 || cloudabi_sys_fd_close(dup) != 0)
        cloudabi_sys_proc_exit(100);
      cloudabi_sys_proc_exit((cloudabi_exitcode_t)(id * 10 + (uintptr_t)i % 10));
    }
    cloudabi_signal_t sig;
    cloudabi_exitcode_t code;
    wait_child(pd, &sig, &code);
    if (sig != 0 || code != id * 10 + (uintptr_t)i % 10) atomic_fetch_add(&failures, 1);
    CHECK_OK(cloudabi_sys_fd_close(pd));
  }
}

static void churner(cloudabi_tid_t tid, void *arg) {
  (void)tid;
  (void)arg;
  while (!atomic_load(&stop_churn)) {
    cloudabi_fd_t dup, x, y;
    CHECK_OK(cloudabi_sys_fd_dup(churn_a, &dup));
    CHECK_OK(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_DGRAM, &x, &y));
    send_fds(x, "f", &dup, 1);
    char c;
    cloudabi_fd_t got;
    cloudabi_iovec_t iov = {&c, 1};
    cloudabi_recv_in_t ri = {.ri_data = &iov, .ri_data_len = 1, .ri_fds = &got, .ri_fds_len = 1};
    cloudabi_recv_out_t ro;
    CHECK_OK(cloudabi_sys_sock_recv(y, &ri, &ro));
    CHECK_EQ(ro.ro_fdslen, 1);
    cloudabi_fd_t all[] = {dup, x, y, got};
    for (size_t i = 0; i < 4; ++i) CHECK_OK(cloudabi_sys_fd_close(all[i]));
  }
}

TEST(concurrent_forks_with_descriptor_churn) {
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &churn_a, &churn_b);
  struct test_thread churn, forkers[FORKERS];
  CHECK_OK(test_thread_start(&churn, churner, NULL));
  for (uintptr_t i = 0; i < FORKERS; ++i)
    CHECK_OK(test_thread_start(&forkers[i], forker, (void *)(i + 1)));
  for (int i = 0; i < FORKERS; ++i) test_thread_join(&forkers[i]);
  atomic_store(&stop_churn, 1);
  test_thread_join(&churn);
  CHECK_EQ(atomic_load(&failures), 0);
  CHECK_OK(cloudabi_sys_fd_close(churn_a));
  CHECK_OK(cloudabi_sys_fd_close(churn_b));
}
