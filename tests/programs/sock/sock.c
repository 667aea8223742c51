// sock_recv, sock_send and sock_shutdown on socket pairs: data with iovecs,
// PEEK, WAITALL, truncation, descriptor passing with rights travelling along,
// and every documented error.
#include "../proc/proc_util.h"

static cloudabi_rights_t rights_of(cloudabi_fd_t fd, cloudabi_rights_t *inheriting) {
  cloudabi_fdstat_t st;
  CHECK_OK(cloudabi_sys_fd_stat_get(fd, &st));
  if (inheriting != NULL) *inheriting = st.fs_rights_inheriting;
  return st.fs_rights_base;
}

static cloudabi_recv_out_t recv_fds(cloudabi_fd_t sock, char *buf, size_t len, cloudabi_fd_t *fds,
                                    size_t nfds, cloudabi_riflags_t flags) {
  cloudabi_iovec_t iov = {.buf = buf, .buf_len = len};
  cloudabi_recv_in_t in = {
      .ri_data = &iov, .ri_data_len = 1, .ri_fds = fds, .ri_fds_len = nfds, .ri_flags = flags};
  cloudabi_recv_out_t out;
  memset(&out, 0xff, sizeof(out));
  CHECK_OK(cloudabi_sys_sock_recv(sock, &in, &out));
  for (size_t i = 0; i < sizeof(out.ro_unused); ++i) CHECK_EQ(out.ro_unused[i], 0);
  return out;
}

TEST(stream_data_with_iovecs) {
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  cloudabi_ciovec_t out_iov[3] = {{"he", 2}, {"", 0}, {"llo", 3}};
  cloudabi_send_in_t si = {.si_data = out_iov, .si_data_len = 3};
  cloudabi_send_out_t so;
  CHECK_OK(cloudabi_sys_sock_send(a, &si, &so));
  CHECK_EQ(so.so_datalen, 5);
  char x[2], y[10];
  cloudabi_iovec_t in_iov[2] = {{x, sizeof(x)}, {y, sizeof(y)}};
  cloudabi_recv_in_t ri = {.ri_data = in_iov, .ri_data_len = 2};
  cloudabi_recv_out_t ro;
  CHECK_OK(cloudabi_sys_sock_recv(b, &ri, &ro));
  CHECK_EQ(ro.ro_datalen, 5);
  CHECK_EQ(ro.ro_fdslen, 0);
  CHECK_EQ(ro.ro_flags, 0);
  CHECK(memcmp(x, "he", 2) == 0 && memcmp(y, "llo", 3) == 0);
  // Zero buffers.
  CHECK_OK(cloudabi_sys_sock_send(a, &(cloudabi_send_in_t){.si_data_len = 0}, &so));
  CHECK_EQ(so.so_datalen, 0);
  CHECK_OK(cloudabi_sys_fd_close(a));
  CHECK_OK(cloudabi_sys_fd_close(b));
}

TEST(peek_and_waitall) {
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  send_str(a, "abcdef");
  char buf[16];
  cloudabi_recv_out_t o = recv_fds(b, buf, 3, NULL, 0, CLOUDABI_SOCK_RECV_PEEK);
  CHECK_EQ(o.ro_datalen, 3);
  CHECK(memcmp(buf, "abc", 3) == 0);
  o = recv_fds(b, buf, 6, NULL, 0, 0);
  CHECK_EQ(o.ro_datalen, 6);
  CHECK(memcmp(buf, "abcdef", 6) == 0);
  // WAITALL collects data sent in separate pieces by a child.
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    for (int i = 0; i < 4; ++i) {
      sleep_ms(20);  // a short pause between the pieces
      send_str(a, "12");
    }
    CHILD_EXIT(0);
  }
  o = recv_fds(b, buf, 8, NULL, 0, CLOUDABI_SOCK_RECV_WAITALL);
  CHECK_EQ(o.ro_datalen, 8);
  CHECK(memcmp(buf, "12121212", 8) == 0);
  expect_exit(pd, 0);
  CHECK_OK(cloudabi_sys_fd_close(a));
  CHECK_OK(cloudabi_sys_fd_close(b));
}

TEST(datagrams_truncate) {
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_DGRAM, &a, &b);
  send_str(a, "0123456789");
  char buf[4];
  cloudabi_recv_out_t o = recv_fds(b, buf, sizeof(buf), NULL, 0, 0);
  CHECK_EQ(o.ro_datalen, 4);
  CHECK_EQ(o.ro_flags, CLOUDABI_SOCK_RECV_DATA_TRUNCATED);
  send_str(a, "ab");
  o = recv_fds(b, buf, sizeof(buf), NULL, 0, 0);
  CHECK_EQ(o.ro_datalen, 2);
  CHECK_EQ(o.ro_flags, 0);
  CHECK_OK(cloudabi_sys_fd_close(a));
  CHECK_OK(cloudabi_sys_fd_close(b));
}

TEST(descriptors_travel_with_their_rights) {
  cloudabi_fd_t a, b, c, d;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &c, &d);
  cloudabi_rights_t full_inheriting;
  cloudabi_rights_t full = rights_of(c, &full_inheriting);
  // Send c unchanged and a narrowed duplicate of it.
  cloudabi_fd_t narrowed;
  CHECK_OK(cloudabi_sys_fd_dup(c, &narrowed));
  harness_narrow(narrowed, CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET,
                 CLOUDABI_RIGHT_FD_WRITE);
  cloudabi_fd_t sent[2] = {c, narrowed};
  send_fds(a, "fds", sent, 2);
  char buf[8];
  cloudabi_fd_t got[4] = {0xdead, 0xdead, 0xdead, 0xdead};
  cloudabi_recv_out_t o = recv_fds(b, buf, sizeof(buf), got, 4, 0);
  CHECK_EQ(o.ro_datalen, 3);
  CHECK_EQ(o.ro_fdslen, 2);
  CHECK_EQ(o.ro_flags, 0);
  CHECK_EQ(got[2], 0xdead);
  cloudabi_rights_t inh;
  CHECK_EQ(rights_of(got[0], &inh), full);
  CHECK_EQ(inh, full_inheriting);
  CHECK_EQ(rights_of(got[1], &inh), CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET);
  CHECK_EQ(inh, CLOUDABI_RIGHT_FD_WRITE);
  // The received descriptors work, within their rights.
  send_str(got[1], "via narrowed");
  expect_str(d, "via narrowed");
  char ch;
  cloudabi_iovec_t iov = {&ch, 1};
  cloudabi_recv_in_t ri = {.ri_data = &iov, .ri_data_len = 1};
  cloudabi_recv_out_t ro;
  CHECK_ERRNO(cloudabi_sys_sock_recv(got[1], &ri, &ro), CLOUDABI_ENOTCAPABLE);
  send_str(d, "to full");
  expect_str(got[0], "to full");
  // Sending on again keeps the narrowed rights (they never grow).
  send_fds(a, "again", &got[1], 1);
  o = recv_fds(b, buf, sizeof(buf), got + 2, 1, 0);
  CHECK_EQ(o.ro_fdslen, 1);
  CHECK_EQ(rights_of(got[2], &inh), CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET);
  CHECK_EQ(inh, CLOUDABI_RIGHT_FD_WRITE);
  for (int i = 0; i < 3; ++i) CHECK_OK(cloudabi_sys_fd_close(got[i]));
  cloudabi_fd_t all[] = {a, b, c, d, narrowed};
  for (size_t i = 0; i < 5; ++i) CHECK_OK(cloudabi_sys_fd_close(all[i]));
}

TEST(descriptors_cross_processes) {
  cloudabi_fd_t a, b, c, d;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  socket_pair(CLOUDABI_FILETYPE_SOCKET_DGRAM, &c, &d);
  harness_narrow(c, CLOUDABI_RIGHT_FD_WRITE, 0);
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    // The child receives c (narrowed) from its parent and writes through it.
    char buf[8];
    cloudabi_fd_t got = 0;
    cloudabi_recv_out_t o = recv_fds(b, buf, sizeof(buf), &got, 1, 0);
    CHECK_EQ(o.ro_fdslen, 1);
    CHECK_EQ(rights_of(got, NULL), CLOUDABI_RIGHT_FD_WRITE);
    send_str(got, "from child");
    CHILD_EXIT(0);
  }
  send_fds(a, "c", &c, 1);
  expect_exit(pd, 0);
  expect_str(d, "from child");
  cloudabi_fd_t all[] = {a, b, c, d};
  for (size_t i = 0; i < 4; ++i) CHECK_OK(cloudabi_sys_fd_close(all[i]));
}

TEST(descriptors_that_do_not_fit_are_closed) {
  cloudabi_fd_t a, b, c, d;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_DGRAM, &a, &b);
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &c, &d);
  cloudabi_fd_t sent[3] = {c, c, c};
  send_fds(a, "three", sent, 3);
  char buf[8];
  cloudabi_fd_t got[2] = {0xdead, 0xdead};
  cloudabi_recv_out_t o = recv_fds(b, buf, sizeof(buf), got, 1, 0);
  CHECK_EQ(o.ro_datalen, 5);
  CHECK_EQ(o.ro_fdslen, 1);
  CHECK_EQ(o.ro_flags, CLOUDABI_SOCK_RECV_FDS_TRUNCATED);
  CHECK_EQ(got[1], 0xdead);
  cloudabi_fdstat_t st;
  CHECK_OK(cloudabi_sys_fd_stat_get(got[0], &st));
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_SOCKET_STREAM);
  // No room at all.
  send_fds(a, "one", sent, 1);
  o = recv_fds(b, buf, sizeof(buf), NULL, 0, 0);
  CHECK_EQ(o.ro_fdslen, 0);
  CHECK_EQ(o.ro_flags, CLOUDABI_SOCK_RECV_FDS_TRUNCATED);
  // The dropped copies were closed: closing c and the one received copy
  // leaves d at end of stream.
  CHECK_OK(cloudabi_sys_fd_close(got[0]));
  CHECK_OK(cloudabi_sys_fd_close(c));
  char ch;
  CHECK_EQ(recv_bytes(d, &ch, 1), 0);
  cloudabi_fd_t all[] = {a, b, d};
  for (size_t i = 0; i < 3; ++i) CHECK_OK(cloudabi_sys_fd_close(all[i]));
}

TEST(empty_datagram_carries_descriptors) {
  cloudabi_fd_t a, b, c, d;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_DGRAM, &a, &b);
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &c, &d);
  send_fds(a, "", &c, 1);
  char buf[4];
  cloudabi_fd_t got = 0xdead;
  cloudabi_recv_out_t o = recv_fds(b, buf, sizeof(buf), &got, 1, 0);
  CHECK_EQ(o.ro_datalen, 0);
  CHECK_EQ(o.ro_fdslen, 1);
  send_str(got, "!");
  expect_str(d, "!");
  cloudabi_fd_t all[] = {a, b, c, d, got};
  for (size_t i = 0; i < 5; ++i) CHECK_OK(cloudabi_sys_fd_close(all[i]));
}

TEST(peek_with_descriptors) {
  cloudabi_fd_t a, b, c, d;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_DGRAM, &a, &b);
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &c, &d);
  harness_narrow(c, CLOUDABI_RIGHT_FD_READ, 0);
  send_fds(a, "p", &c, 1);
  char buf[4];
  cloudabi_fd_t got[2];
  cloudabi_recv_out_t o = recv_fds(b, buf, sizeof(buf), &got[0], 1, CLOUDABI_SOCK_RECV_PEEK);
  CHECK_EQ(o.ro_fdslen, 1);
  CHECK_EQ(rights_of(got[0], NULL), CLOUDABI_RIGHT_FD_READ);
  o = recv_fds(b, buf, sizeof(buf), &got[1], 1, 0);
  CHECK_EQ(o.ro_fdslen, 1);
  CHECK(got[1] != got[0]);
  CHECK_EQ(rights_of(got[1], NULL), CLOUDABI_RIGHT_FD_READ);
  cloudabi_fd_t all[] = {a, b, c, d, got[0], got[1]};
  for (size_t i = 0; i < 6; ++i) CHECK_OK(cloudabi_sys_fd_close(all[i]));
}

TEST(process_and_shared_memory_descriptors_travel) {
  cloudabi_fd_t a, b, shm;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_DGRAM, &a, &b);
  CHECK_OK(cloudabi_sys_fd_create1(CLOUDABI_FILETYPE_SHARED_MEMORY, &shm));
  cloudabi_rights_t shm_rights = rights_of(shm, NULL);
  cloudabi_fd_t pd = fork_process(NULL);
  if (pd == CLOUDABI_PROCESS_CHILD) {
    char c;
    recv_bytes(b, &c, 1);
    CHILD_EXIT(4);
  }
  cloudabi_fd_t sent[2] = {pd, shm};
  send_fds(a, "pd", sent, 2);
  char buf[4];
  cloudabi_fd_t got[2];
  cloudabi_recv_out_t o = recv_fds(b, buf, sizeof(buf), got, 2, 0);
  CHECK_EQ(o.ro_fdslen, 2);
  cloudabi_fdstat_t st;
  CHECK_OK(cloudabi_sys_fd_stat_get(got[0], &st));
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_PROCESS);
  CHECK_EQ(st.fs_rights_base, CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_POLL_PROC_TERMINATE);
  CHECK_OK(cloudabi_sys_fd_stat_get(got[1], &st));
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_SHARED_MEMORY);
  CHECK_EQ(st.fs_rights_base, shm_rights);
  // The received process descriptor shares the child: closing the original
  // does not end it.
  CHECK_OK(cloudabi_sys_fd_close(pd));
  send_str(a, "go");
  expect_exit(got[0], 4);
  cloudabi_fd_t all[] = {a, b, shm, got[1]};
  for (size_t i = 0; i < 4; ++i) CHECK_OK(cloudabi_sys_fd_close(all[i]));
}

TEST(shutdown) {
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  CHECK_ERRNO(cloudabi_sys_sock_shutdown(a, 0), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_sock_shutdown(a, 4), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_sock_shutdown(a, 0xff), CLOUDABI_EINVAL);
  CHECK_OK(cloudabi_sys_sock_shutdown(a, CLOUDABI_SHUT_WR));
  char c;
  CHECK_EQ(recv_bytes(b, &c, 1), 0);  // end of stream
  // Writing after SHUT_WR is EPIPE (SIGPIPE is ignored).
  cloudabi_ciovec_t iov = {"x", 1};
  cloudabi_send_in_t si = {.si_data = &iov, .si_data_len = 1};
  cloudabi_send_out_t so;
  CHECK_ERRNO(cloudabi_sys_sock_send(a, &si, &so), CLOUDABI_EPIPE);
  CHECK_OK(cloudabi_sys_sock_shutdown(b, CLOUDABI_SHUT_RD | CLOUDABI_SHUT_WR));
  CHECK_OK(cloudabi_sys_sock_shutdown(a, CLOUDABI_SHUT_RD));
  // Rights.
  harness_narrow(a, CLOUDABI_RIGHT_FD_READ, 0);
  CHECK_ERRNO(cloudabi_sys_sock_shutdown(a, CLOUDABI_SHUT_RD), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_sock_shutdown(1000, CLOUDABI_SHUT_RD), CLOUDABI_EBADF);
  // A pipe is a stream socket to CloudABI, but not to shutdown.
  CHECK_ERRNO(cloudabi_sys_sock_shutdown((cloudabi_fd_t)harness_log_fd, CLOUDABI_SHUT_WR),
              CLOUDABI_ENOTSOCK);
  // Not a socket at all: shared memory has no SOCK_SHUTDOWN right.
  cloudabi_fd_t shm;
  CHECK_OK(cloudabi_sys_fd_create1(CLOUDABI_FILETYPE_SHARED_MEMORY, &shm));
  CHECK_ERRNO(cloudabi_sys_sock_shutdown(shm, CLOUDABI_SHUT_RD), CLOUDABI_ENOTCAPABLE);
  CHECK_OK(cloudabi_sys_fd_close(shm));
  CHECK_OK(cloudabi_sys_fd_close(a));
  CHECK_OK(cloudabi_sys_fd_close(b));
}

TEST(errors) {
  cloudabi_fd_t a, b;
  socket_pair(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
  char buf[4];
  cloudabi_iovec_t iov = {buf, sizeof(buf)};
  cloudabi_recv_in_t ri = {.ri_data = &iov, .ri_data_len = 1};
  cloudabi_recv_out_t ro;
  cloudabi_ciovec_t ciov = {"x", 1};
  cloudabi_send_in_t si = {.si_data = &ciov, .si_data_len = 1};
  cloudabi_send_out_t so;
  // Unknown flags.
  ri.ri_flags = 0x1;
  CHECK_ERRNO(cloudabi_sys_sock_recv(a, &ri, &ro), CLOUDABI_EINVAL);
  ri.ri_flags = 0x8000;
  CHECK_ERRNO(cloudabi_sys_sock_recv(a, &ri, &ro), CLOUDABI_EINVAL);
  ri.ri_flags = 0;
  si.si_flags = 1;
  CHECK_ERRNO(cloudabi_sys_sock_send(a, &si, &so), CLOUDABI_EINVAL);
  si.si_flags = 0;
  // Bad descriptors.
  CHECK_ERRNO(cloudabi_sys_sock_recv(1000, &ri, &ro), CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_sock_recv(0xffffffff, &ri, &ro), CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_sock_send(1000, &si, &so), CLOUDABI_EBADF);
  cloudabi_fd_t bogus[2] = {b, 12345};
  si.si_fds = bogus;
  si.si_fds_len = 2;
  CHECK_ERRNO(cloudabi_sys_sock_send(a, &si, &so), CLOUDABI_EBADF);
  si.si_fds_len = 253;
  CHECK_ERRNO(cloudabi_sys_sock_send(a, &si, &so), CLOUDABI_EINVAL);
  // Descriptors on a stream need at least one byte of data to travel with.
  si.si_fds_len = 1;
  si.si_data_len = 0;
  CHECK_ERRNO(cloudabi_sys_sock_send(a, &si, &so), CLOUDABI_EINVAL);
  cloudabi_ciovec_t empty = {"", 0};
  si.si_data = &empty;
  si.si_data_len = 1;
  CHECK_ERRNO(cloudabi_sys_sock_send(a, &si, &so), CLOUDABI_EINVAL);
  si.si_data = &ciov;
  si.si_fds = NULL;
  si.si_fds_len = 0;
  // Too many buffers.
  ri.ri_data_len = 100000;
  CHECK_ERRNO(cloudabi_sys_sock_recv(a, &ri, &ro), CLOUDABI_EINVAL);
  ri.ri_data_len = 1;
  si.si_data_len = (size_t)-1;
  CHECK_ERRNO(cloudabi_sys_sock_send(a, &si, &so), CLOUDABI_EINVAL);
  si.si_data_len = 1;
  // Buffers the kernel cannot read or write.
  cloudabi_iovec_t wild = {(void *)8, 16};
  ri.ri_data = &wild;
  send_str(b, "data");
  CHECK_ERRNO(cloudabi_sys_sock_recv(a, &ri, &ro), CLOUDABI_EFAULT);
  cloudabi_ciovec_t cwild = {(const void *)8, 16};
  si.si_data = &cwild;
  CHECK_ERRNO(cloudabi_sys_sock_send(a, &si, &so), CLOUDABI_EFAULT);
  // The same with descriptors attached, and an iovec array the kernel
  // cannot read: EFAULT too (the runtime must not read it itself).
  si.si_fds = &b;
  si.si_fds_len = 1;
  CHECK_ERRNO(cloudabi_sys_sock_send(a, &si, &so), CLOUDABI_EFAULT);
  si.si_data = (const cloudabi_ciovec_t *)(uintptr_t)0xdead0000;
  CHECK_ERRNO(cloudabi_sys_sock_send(a, &si, &so), CLOUDABI_EFAULT);
  si.si_fds = NULL;
  si.si_fds_len = 0;
  ri.ri_data = &iov;
  si.si_data = &ciov;
  // Rights.
  harness_narrow(a, CLOUDABI_RIGHT_FD_WRITE, 0);
  CHECK_ERRNO(cloudabi_sys_sock_recv(a, &ri, &ro), CLOUDABI_ENOTCAPABLE);
  harness_narrow(b, CLOUDABI_RIGHT_FD_READ, 0);
  CHECK_ERRNO(cloudabi_sys_sock_send(b, &si, &so), CLOUDABI_ENOTCAPABLE);
  // Not a socket: the log is a pipe.
  si.si_fds = &a;
  si.si_fds_len = 1;
  CHECK_ERRNO(cloudabi_sys_sock_send((cloudabi_fd_t)harness_log_fd, &si, &so), CLOUDABI_ENOTSOCK);
  CHECK_OK(cloudabi_sys_fd_close(a));
  CHECK_OK(cloudabi_sys_fd_close(b));
}
