// proc_exec: errors, then the new program in a forked child and finally in
// this process. The new program is proc_special_exec_target, which checks
// what it was given. Started by tests/runtime/proc_sock_test.cc with
// {log, tmp, target: <its executable>, notelf: <a text file>}.
#include <argdata.h>
#include <stdlib.h>

#include "proc_util.h"
#include "test_threads.h"

// Serializes a map of the given keys and values and executes the target
// with the descriptors it refers to, numbered in order of appearance.
static cloudabi_errno_t exec_target(const char **keys, argdata_t **values, size_t n) {
  argdata_t *k[16];
  for (size_t i = 0; i < n; ++i) k[i] = argdata_create_str_c(keys[i]);
  argdata_t *map =
      argdata_create_map((const argdata_t *const *)k, (const argdata_t *const *)values, n);
  size_t size, nfds;
  argdata_serialized_length(map, &size, &nfds);
  void *buf = malloc(size);
  int *ifds = malloc(sizeof(int) * (nfds + 1));
  CHECK(buf != NULL && ifds != NULL);
  nfds = argdata_serialize(map, buf, ifds);
  cloudabi_fd_t fds[16];
  for (size_t i = 0; i < nfds; ++i) fds[i] = (cloudabi_fd_t)ifds[i];
  return cloudabi_sys_proc_exec(harness_arg_fd("target"), buf, size, fds, nfds);
}

// Executes the target in "block" mode with `sock` narrowed to read and write:
// it reports "blocking" on the socket and waits until the socket closes.
static void exec_blocking_target(cloudabi_fd_t sock) {
  cloudabi_rights_t rights = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE;
  harness_narrow(sock, rights, 0);
  const char *keys[] = {"log", "sock", "mode", "sock_base", "sock_inheriting"};
  argdata_t *values[] = {argdata_create_fd(harness_log_fd), argdata_create_fd((int)sock),
                         argdata_create_str_c("block"), argdata_create_int_u(rights),
                         argdata_create_int_u(0)};
  CHECK_EQ(exec_target(keys, values, 5), 0);  // not reached on success
}

TEST(errors) {
  cloudabi_fd_t target = harness_arg_fd("target");
  cloudabi_fd_t log = (cloudabi_fd_t)harness_log_fd;
  static char data[2 * 256 * 1024 + 1];
  // Too much argument data, before anything else is looked at.
  CHECK_ERRNO(cloudabi_sys_proc_exec(target, data, sizeof(data), NULL, 0), CLOUDABI_E2BIG);
  CHECK_ERRNO(cloudabi_sys_proc_exec(1000, NULL, (size_t)1 << 40, NULL, 0), CLOUDABI_E2BIG);
  // More descriptors than a process can have.
  CHECK_ERRNO(cloudabi_sys_proc_exec(target, NULL, 0, NULL, (size_t)1 << 40), CLOUDABI_EINVAL);
  // Descriptors that do not exist.
  cloudabi_fd_t bad[2] = {log, 999};
  CHECK_ERRNO(cloudabi_sys_proc_exec(target, NULL, 0, bad, 2), CLOUDABI_EBADF);
  bad[1] = 0xffffffff;
  CHECK_ERRNO(cloudabi_sys_proc_exec(target, NULL, 0, bad, 2), CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_proc_exec(999, NULL, 0, &log, 1), CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_proc_exec(0xffffffff, NULL, 0, &log, 1), CLOUDABI_EBADF);
  // No PROC_EXEC right.
  cloudabi_fd_t narrowed;
  CHECK_OK(cloudabi_sys_fd_dup(target, &narrowed));
  harness_narrow(narrowed, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FILE_STAT_FGET, 0);
  CHECK_ERRNO(cloudabi_sys_proc_exec(narrowed, NULL, 0, &log, 1), CLOUDABI_ENOTCAPABLE);
  CHECK_OK(cloudabi_sys_fd_close(narrowed));
  CHECK_ERRNO(cloudabi_sys_proc_exec((cloudabi_fd_t)harness_tmp_fd, NULL, 0, &log, 1),
              CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_proc_exec(log, NULL, 0, &log, 1), CLOUDABI_ENOTCAPABLE);
  // Not a CloudABI executable.
  CHECK_ERRNO(cloudabi_sys_proc_exec(harness_arg_fd("notelf"), NULL, 0, &log, 1), CLOUDABI_ENOEXEC);
  // The argument data is read by the kernel: a bad pointer is EFAULT.
  CHECK_ERRNO(cloudabi_sys_proc_exec(target, (const void *)8, 100, &log, 1), CLOUDABI_EFAULT);
  // The process carries on after each failure.
  cloudabi_ciovec_t iov = {"still here\n", 11};
  size_t n;
  CHECK_OK(cloudabi_sys_fd_write(log, &iov, 1, &n));
}

TEST(exec_in_a_child) {
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  cloudabi_rights_t rights = CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET;
  harness_narrow(b, rights, CLOUDABI_RIGHT_FD_WRITE);
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    const char *keys[] = {"log", "sock", "mode", "sock_base", "sock_inheriting"};
    argdata_t *values[] = {argdata_create_fd(harness_log_fd), argdata_create_fd((int)b),
                           argdata_create_str_c("child"), argdata_create_int_u(rights),
                           argdata_create_int_u(CLOUDABI_RIGHT_FD_WRITE)};
    cloudabi_errno_t e = exec_target(keys, values, 5);
    CHECK_EQ(e, 0);  // not reached on success
    CHILD_EXIT(1);
  }
  CHECK_OK(cloudabi_sys_fd_close(b));
  expect_str(a, "exec ok");
  expect_exit(pd, 0);
  CHECK_OK(cloudabi_sys_fd_close(a));
}

// A child that executes another program is still ended by the end of its
// parent: its lifeline survives the exec.
TEST(exec_keeps_the_lifeline) {
  cloudabi_fd_t a, b, c, d;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);  // target -> here
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &c, &d);  // here -> middle
  cloudabi_fd_t middle = fork_process(NULL);
  if (middle == CLOUDABI_PROCESS_CHILD) {
    CHECK_OK(cloudabi_sys_fd_close(a));
    CHECK_OK(cloudabi_sys_fd_close(c));
    cloudabi_fd_t child = fork_process(NULL);
    if (child == CLOUDABI_PROCESS_CHILD) {
      exec_blocking_target(b);
    }
    CHECK_OK(cloudabi_sys_fd_close(b));
    char ch;
    recv_bytes(d, &ch, 1);  // ends when told
    CHILD_EXIT(0);
  }
  CHECK_OK(cloudabi_sys_fd_close(b));
  CHECK_OK(cloudabi_sys_fd_close(d));
  expect_str(a, "blocking");
  send_str(c, "x");
  expect_exit(middle, 0);
  // The executed program held the last copy of b.
  char ch;
  CHECK_EQ(recv_bytes(a, &ch, 1), 0);
  CHECK_OK(cloudabi_sys_fd_close(a));
  CHECK_OK(cloudabi_sys_fd_close(c));
}

// proc_exec while eight other threads of the process contend on one lock and
// churn descriptors: the exec replaces all of them (whatever locks of the
// runtime they hold at that moment) and the new program starts normally.
static _Atomic(cloudabi_lock_t) busy_lock;
static _Atomic(uint64_t) busy_rounds;

static void busy_thread(cloudabi_tid_t tid, void *arg) {
  (void)arg;
  for (;;) {
    test_wrlock(&busy_lock, tid, CLOUDABI_SCOPE_PRIVATE);
    cloudabi_fd_t d;
    if (cloudabi_sys_fd_dup((cloudabi_fd_t)harness_log_fd, &d) == 0) cloudabi_sys_fd_close(d);
    test_wrunlock(&busy_lock, tid, CLOUDABI_SCOPE_PRIVATE);
    atomic_fetch_add(&busy_rounds, 1);
    cloudabi_sys_thread_yield();
  }
}

TEST(exec_while_threads_are_busy) {
  for (int round = 0; round < 4; ++round) {
    cloudabi_fd_t a, b;
    socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
    cloudabi_fd_t child = fork_process(NULL);
    if (child == CLOUDABI_PROCESS_CHILD) {
      CHECK_OK(cloudabi_sys_fd_close(a));
      static struct test_thread threads[8];
      for (int i = 0; i < 8; ++i) CHECK_OK(test_thread_start(&threads[i], busy_thread, NULL));
      // Let them get going (rounds, not time).
      while (atomic_load(&busy_rounds) < 1000) cloudabi_sys_thread_yield();
      exec_blocking_target(b);
    }
    CHECK_OK(cloudabi_sys_fd_close(b));
    expect_str(a, "blocking");
    // Closing the process descriptor ends the executed program.
    CHECK_OK(cloudabi_sys_fd_close(child));
    char ch;
    CHECK_EQ(recv_bytes(a, &ch, 1), 0);
    CHECK_OK(cloudabi_sys_fd_close(a));
  }
}

// The last test: this process becomes the target. A child whose descriptor is
// not passed on ends with the exec; one whose descriptor is passed on stays a
// child of the new program.
TEST(exec_this_process) {
  cloudabi_fd_t p, q;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &p, &q);
  cloudabi_fd_t dropped = fork_process(NULL);
  if (dropped == CLOUDABI_PROCESS_CHILD) {
    CHECK_OK(cloudabi_sys_fd_close(p));
    send_str(q, "r");
    char c;
    recv_bytes(q, &c, 1);  // blocks until the exec ends it
    CHILD_EXIT(1);
  }
  CHECK_OK(cloudabi_sys_fd_close(q));
  expect_str(p, "r");
  cloudabi_fd_t r, s;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &r, &s);
  cloudabi_fd_t kept = fork_process(NULL);
  if (kept == CLOUDABI_PROCESS_CHILD) {
    CHECK_OK(cloudabi_sys_fd_close(r));
    char c;
    CHECK_EQ(recv_bytes(s, &c, 1), 1);  // the new program says when
    CHILD_EXIT(9);
  }
  CHECK_OK(cloudabi_sys_fd_close(s));
  cloudabi_fd_t kept_dup;
  CHECK_OK(cloudabi_sys_fd_dup(kept, &kept_dup));
  cloudabi_rights_t rights = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE;
  harness_narrow(r, rights, 0);
  const char *keys[] = {"log",     "sock", "mode",    "sock_base", "sock_inheriting",
                        "dropped", "kept", "kept_dup"};
  argdata_t *values[] = {argdata_create_fd(harness_log_fd), argdata_create_fd((int)r),
                         argdata_create_str_c("self"),      argdata_create_int_u(rights),
                         argdata_create_int_u(0),           argdata_create_fd((int)p),
                         argdata_create_fd((int)kept),      argdata_create_fd((int)kept_dup)};
  cloudabi_errno_t e = exec_target(keys, values, 8);
  CHECK_EQ(e, 0);  // not reached on success
}
