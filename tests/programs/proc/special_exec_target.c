// The program proc_special_exec executes: checks that it got exactly the
// descriptors it was given, renumbered from 0 in order, with their rights,
// and the argument data.
#include <argdata.h>

#include "proc_util.h"

static uint64_t arg_u64(const char *key) {
  const argdata_t *v = harness_arg(key);
  CHECK(v != NULL);
  uintmax_t u;
  CHECK_OK(argdata_get_int_u(v, &u, UINT64_MAX));
  return u;
}

static const char *mode(void) {
  const char *s;
  CHECK_OK(argdata_get_str_c(harness_arg("mode"), &s));
  return s;
}

TEST(descriptors_renumbered) {
  int self = strcmp(mode(), "self") == 0;
  CHECK_EQ(harness_log_fd, 0);
  CHECK_EQ(harness_arg_fd("sock"), 1);
  CHECK(harness_tmp_fd < 0);
  cloudabi_fdstat_t st;
  CHECK_OK(cloudabi_sys_fd_stat_get(0, &st));
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_SOCKET_STREAM);  // the log pipe
  CHECK_OK(cloudabi_sys_fd_stat_get(1, &st));
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_SOCKET_STREAM);
  CHECK_EQ(st.fs_rights_base, arg_u64("sock_base"));
  CHECK_EQ(st.fs_rights_inheriting, arg_u64("sock_inheriting"));
  cloudabi_fd_t count = self ? 5 : 2;
  if (self) {
    CHECK_EQ(harness_arg_fd("dropped"), 2);
    CHECK_EQ(harness_arg_fd("kept"), 3);
    CHECK_EQ(harness_arg_fd("kept_dup"), 4);
    CHECK_OK(cloudabi_sys_fd_stat_get(3, &st));
    CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_PROCESS);
    CHECK_EQ(st.fs_rights_base, CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_POLL_PROC_TERMINATE);
  }
  // Nothing else.
  for (cloudabi_fd_t fd = count; fd < count + 64; ++fd)
    CHECK_ERRNO(cloudabi_sys_fd_stat_get(fd, &st), CLOUDABI_EBADF);
}

TEST(rights_hold) {
  cloudabi_fd_t sock = harness_arg_fd("sock");
  if ((arg_u64("sock_base") & CLOUDABI_RIGHT_FD_READ) == 0) {
    char c;
    cloudabi_iovec_t iov = {&c, 1};
    cloudabi_recv_in_t ri = {.ri_data = &iov, .ri_data_len = 1};
    cloudabi_recv_out_t ro;
    CHECK_ERRNO(cloudabi_sys_sock_recv(sock, &ri, &ro), CLOUDABI_ENOTCAPABLE);
  }
  CHECK_ERRNO(cloudabi_sys_sock_shutdown(sock, CLOUDABI_SHUT_WR), CLOUDABI_ENOTCAPABLE);
}

TEST(children_across_exec) {
  if (strcmp(mode(), "self") != 0) return;
  // The child whose descriptor was not passed on ended with the exec: the
  // other end of its socket is closed.
  char c;
  CHECK_EQ(recv_bytes(harness_arg_fd("dropped"), &c, 1), 0);
  // The child whose descriptor was passed on is still this process's child.
  send_str(harness_arg_fd("sock"), "go");
  cloudabi_fd_t kept = harness_arg_fd("kept");
  CHECK_OK(cloudabi_sys_fd_close(harness_arg_fd("kept_dup")));  // a duplicate: no kill
  expect_exit(kept, 9);
}

TEST(report) {
  if (strcmp(mode(), "child") == 0) send_str(harness_arg_fd("sock"), "exec ok");
  harness_log("exec target passed\n");
  if (strcmp(mode(), "block") == 0) {
    // Stays until its parent process ends, which ends it.
    send_str(harness_arg_fd("sock"), "blocking");
    char c;
    recv_bytes(harness_arg_fd("sock"), &c, 1);
    cloudabi_sys_proc_exit(1);
  }
}
