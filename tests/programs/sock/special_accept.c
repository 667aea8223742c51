// The sock_accept extension on listening sockets the host test created
// (tests/runtime/proc_sock_test.cc): {log, tmp, tcp: <listening TCP socket>,
// unix: <listening unix socket>}. The host connects to each, sends "ping" and
// expects "pong:ping" back.
#include <argdata.h>

#include "../proc/proc_util.h"

static void echo_once(cloudabi_fd_t conn) {
  char buf[16];
  size_t got = 0;
  while (got < 4) {
    size_t n = recv_bytes(conn, buf + got, 4 - got);
    CHECK(n > 0);
    got += n;
  }
  CHECK(memcmp(buf, "ping", 4) == 0);
  send_str(conn, "pong:ping");
}

TEST(errors) {
  cloudabi_fd_t conn;
  CHECK_ERRNO(cloudabi_sys_sock_accept(1000, &conn), CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_sock_accept(0xffffffff, &conn), CLOUDABI_EBADF);
  // A connected socket does not listen.
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  CHECK_ERRNO(cloudabi_sys_sock_accept(a, &conn), CLOUDABI_EINVAL);
  // Shared memory can be read, but is no socket.
  cloudabi_fd_t shm;
  CHECK_OK(cloudabi_sys_fd_create1(CLOUDABI_FILETYPE_SHARED_MEMORY, &shm));
  CHECK_ERRNO(cloudabi_sys_sock_accept(shm, &conn), CLOUDABI_ENOTSOCK);
  // Accepting needs FD_READ.
  cloudabi_fd_t listener;
  CHECK_OK(cloudabi_sys_fd_dup(harness_arg_fd("tcp"), &listener));
  harness_narrow(listener, CLOUDABI_RIGHT_FD_WRITE, CLOUDABI_RIGHT_FD_READ);
  CHECK_ERRNO(cloudabi_sys_sock_accept(listener, &conn), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_sock_accept((cloudabi_fd_t)harness_tmp_fd, &conn), CLOUDABI_ENOTCAPABLE);
  cloudabi_fd_t all[] = {a, b, shm, listener};
  for (size_t i = 0; i < 4; ++i) CHECK_OK(cloudabi_sys_fd_close(all[i]));
}

TEST(accept_tcp_with_the_listeners_inheriting_rights) {
  cloudabi_fd_t listener = harness_arg_fd("tcp");
  cloudabi_fdstat_t st;
  CHECK_OK(cloudabi_sys_fd_stat_get(listener, &st));
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_SOCKET_STREAM);
  cloudabi_rights_t socket_max = st.fs_rights_base;
  // First connection: all the rights a socket can have.
  cloudabi_fd_t conn;
  CHECK_OK(cloudabi_sys_sock_accept(listener, &conn));
  CHECK_OK(cloudabi_sys_fd_stat_get(conn, &st));
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_SOCKET_STREAM);
  CHECK_EQ(st.fs_rights_base, socket_max);
  echo_once(conn);
  CHECK_OK(cloudabi_sys_sock_shutdown(conn, CLOUDABI_SHUT_RD | CLOUDABI_SHUT_WR));
  CHECK_OK(cloudabi_sys_fd_close(conn));
  // Second connection, after narrowing what the listener hands on.
  cloudabi_rights_t handed_on =
      CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_OPEN;
  harness_narrow(listener, CLOUDABI_RIGHT_FD_READ, handed_on);
  CHECK_OK(cloudabi_sys_sock_accept(listener, &conn));
  CHECK_OK(cloudabi_sys_fd_stat_get(conn, &st));
  // FILE_OPEN makes no sense for a socket: only what a socket can have.
  CHECK_EQ(st.fs_rights_base, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE);
  CHECK_EQ(st.fs_rights_inheriting, handed_on);
  echo_once(conn);
  CHECK_ERRNO(cloudabi_sys_sock_shutdown(conn, CLOUDABI_SHUT_WR), CLOUDABI_ENOTCAPABLE);
  CHECK_OK(cloudabi_sys_fd_close(conn));
}

TEST(accept_unix) {
  cloudabi_fd_t conn;
  CHECK_OK(cloudabi_sys_sock_accept(harness_arg_fd("unix"), &conn));
  echo_once(conn);
  CHECK_OK(cloudabi_sys_fd_close(conn));
}
