// fd_create1 (shared memory) and fd_create2 (socket pairs).
#include "fdtest.h"

TEST(create1_makes_shared_memory) {
  cloudabi_fd_t fd;
  CHECK_OK(cloudabi_sys_fd_create1(CLOUDABI_FILETYPE_SHARED_MEMORY, &fd));
  cloudabi_fdstat_t st = fdstat(fd);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_SHARED_MEMORY);
  CHECK_EQ(st.fs_rights_base, RIGHTS_SHARED_MEMORY);
  CHECK_EQ(st.fs_rights_inheriting, 0);
  CHECK_EQ(st.fs_flags, 0);

  cloudabi_filestat_t fs;
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &fs));
  CHECK_EQ(fs.st_filetype, CLOUDABI_FILETYPE_SHARED_MEMORY);
  CHECK_EQ(fs.st_size, 0);

  // Grow it: the new bytes read as zeros.
  cloudabi_filestat_t size = {.st_size = 16};
  CHECK_OK(cloudabi_sys_file_stat_fput(fd, &size, CLOUDABI_FILESTAT_SIZE));
  char buf[32];
  memset(buf, 'x', sizeof(buf));
  CHECK_EQ(read_some(fd, buf, sizeof(buf)), 16);
  for (int i = 0; i < 16; ++i) CHECK_EQ(buf[i], 0);
  // Writing extends it.
  write_all(fd, S("hello"));
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &fs));
  CHECK_EQ(fs.st_size, 21);
  CHECK_EQ(read_some(fd, buf, sizeof(buf)), 0);
  // Shrink it again.
  size.st_size = 3;
  CHECK_OK(cloudabi_sys_file_stat_fput(fd, &size, CLOUDABI_FILESTAT_SIZE));
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &fs));
  CHECK_EQ(fs.st_size, 3);
  close_fd(fd);
}

TEST(shared_memory_has_no_seek_sync_or_flags) {
  cloudabi_fd_t fd;
  CHECK_OK(cloudabi_sys_fd_create1(CLOUDABI_FILETYPE_SHARED_MEMORY, &fd));
  cloudabi_filesize_t pos;
  CHECK_ERRNO(cloudabi_sys_fd_seek(fd, 0, CLOUDABI_WHENCE_CUR, &pos), CLOUDABI_ENOTCAPABLE);
  char byte;
  cloudabi_iovec_t in = {.buf = &byte, .buf_len = 1};
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_pread(fd, &in, 1, 0, &n), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_sync(fd), CLOUDABI_ENOTCAPABLE);
  cloudabi_fdstat_t st = {.fs_flags = CLOUDABI_FDFLAG_NONBLOCK};
  CHECK_ERRNO(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_FLAGS), CLOUDABI_ENOTCAPABLE);
  cloudabi_filestat_t times = {.st_atim = 1};
  CHECK_ERRNO(cloudabi_sys_file_stat_fput(fd, &times, CLOUDABI_FILESTAT_ATIM),
              CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_file_readdir(fd, &byte, 1, 0, &n), CLOUDABI_ENOTCAPABLE);
  // A dup is shared memory too.
  cloudabi_fd_t dup;
  CHECK_OK(cloudabi_sys_fd_dup(fd, &dup));
  CHECK_EQ(fdstat(dup).fs_filetype, CLOUDABI_FILETYPE_SHARED_MEMORY);
  close_fd(dup);
  close_fd(fd);
}

TEST(create1_rejects_other_types) {
  static const cloudabi_filetype_t bad[] = {CLOUDABI_FILETYPE_UNKNOWN,
                                            CLOUDABI_FILETYPE_BLOCK_DEVICE,
                                            CLOUDABI_FILETYPE_CHARACTER_DEVICE,
                                            CLOUDABI_FILETYPE_DIRECTORY,
                                            CLOUDABI_FILETYPE_PROCESS,
                                            CLOUDABI_FILETYPE_REGULAR_FILE,
                                            CLOUDABI_FILETYPE_SOCKET_DGRAM,
                                            CLOUDABI_FILETYPE_SOCKET_STREAM,
                                            CLOUDABI_FILETYPE_SYMBOLIC_LINK,
                                            0x81,
                                            0xff};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); ++i) {
    cloudabi_fd_t fd = 12345;
    CHECK_ERRNO(cloudabi_sys_fd_create1(bad[i], &fd), CLOUDABI_EINVAL);
    CHECK_EQ(fd, 12345);
  }
}

TEST(create2_rejects_other_types) {
  static const cloudabi_filetype_t bad[] = {
      CLOUDABI_FILETYPE_UNKNOWN,           CLOUDABI_FILETYPE_DIRECTORY,
      CLOUDABI_FILETYPE_PROCESS,           CLOUDABI_FILETYPE_REGULAR_FILE,
      CLOUDABI_FILETYPE_SHARED_MEMORY,     CLOUDABI_FILETYPE_SYMBOLIC_LINK,
      0x81 /* the old SOCKET_SEQPACKET */, 0xff};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); ++i) {
    cloudabi_fd_t a, b;
    CHECK_ERRNO(cloudabi_sys_fd_create2(bad[i], &a, &b), CLOUDABI_EINVAL);
  }
}

static void check_socket(cloudabi_fd_t fd, cloudabi_filetype_t type) {
  cloudabi_fdstat_t st = fdstat(fd);
  CHECK_EQ(st.fs_filetype, type);
  CHECK_EQ(st.fs_rights_base, RIGHTS_SOCKET);
  CHECK_EQ(st.fs_rights_inheriting, RIGHTS_ALL);
  cloudabi_filestat_t fs;
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &fs));
  CHECK_EQ(fs.st_filetype, type);
}

TEST(stream_socket_pair) {
  cloudabi_fd_t a, b;
  CHECK_OK(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b));
  CHECK(a != b);
  check_socket(a, CLOUDABI_FILETYPE_SOCKET_STREAM);
  check_socket(b, CLOUDABI_FILETYPE_SOCKET_STREAM);
  // Both directions; a stream has no message boundaries.
  write_all(a, S("ping"));
  write_all(a, S("pong"));
  char buf[16];
  size_t got = 0;
  while (got < 8) got += read_some(b, buf + got, sizeof(buf) - got);
  CHECK_EQ(got, 8);
  CHECK(memcmp(buf, "pingpong", 8) == 0);
  write_all(b, S("back"));
  CHECK_EQ(read_some(a, buf, sizeof(buf)), 4);
  CHECK(memcmp(buf, "back", 4) == 0);
  // Closing one end: the other reads end of file, and writing fails with
  // EPIPE (SIGPIPE is ignored).
  close_fd(b);
  CHECK_EQ(read_some(a, buf, sizeof(buf)), 0);
  cloudabi_ciovec_t out = {.buf = "x", .buf_len = 1};
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_write(a, &out, 1, &n), CLOUDABI_EPIPE);
  close_fd(a);
}

TEST(datagram_socket_pair) {
  cloudabi_fd_t a, b;
  CHECK_OK(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_DGRAM, &a, &b));
  check_socket(a, CLOUDABI_FILETYPE_SOCKET_DGRAM);
  check_socket(b, CLOUDABI_FILETYPE_SOCKET_DGRAM);
  write_all(a, S("one"));
  write_all(a, S("second"));
  char buf[64];
  // Messages keep their boundaries.
  CHECK_EQ(read_some(b, buf, sizeof(buf)), 3);
  CHECK(memcmp(buf, "one", 3) == 0);
  // Several iovecs gather one message.
  char x[2], y[10];
  cloudabi_iovec_t in[2] = {{.buf = x, .buf_len = 2}, {.buf = y, .buf_len = 10}};
  size_t n;
  CHECK_OK(cloudabi_sys_fd_read(b, in, 2, &n));
  CHECK_EQ(n, 6);
  CHECK(memcmp(x, "se", 2) == 0 && memcmp(y, "cond", 4) == 0);
  close_fd(a);
  close_fd(b);
}

TEST(nonblocking_sockets) {
  cloudabi_fd_t a, b;
  CHECK_OK(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b));
  cloudabi_fdstat_t st = {.fs_flags = CLOUDABI_FDFLAG_NONBLOCK};
  CHECK_OK(cloudabi_sys_fd_stat_put(a, &st, CLOUDABI_FDSTAT_FLAGS));
  CHECK_EQ(fdstat(a).fs_flags, CLOUDABI_FDFLAG_NONBLOCK);
  char buf[4];
  cloudabi_iovec_t in = {.buf = buf, .buf_len = sizeof(buf)};
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_read(a, &in, 1, &n), CLOUDABI_EAGAIN);
  // Fill the other direction until it would block.
  static char chunk[65536];
  cloudabi_ciovec_t out = {.buf = chunk, .buf_len = sizeof(chunk)};
  cloudabi_errno_t e;
  int rounds = 0;
  while ((e = cloudabi_sys_fd_write(a, &out, 1, &n)) == 0) CHECK(++rounds < 10000);
  CHECK_EQ(e, CLOUDABI_EAGAIN);
  close_fd(a);
  close_fd(b);
}

TEST(sockets_cannot_do_file_things) {
  cloudabi_fd_t a, b;
  CHECK_OK(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b));
  char byte;
  cloudabi_iovec_t in = {.buf = &byte, .buf_len = 1};
  cloudabi_ciovec_t out = {.buf = "x", .buf_len = 1};
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_pread(a, &in, 1, 0, &n), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_pwrite(a, &out, 1, 0, &n), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_sync(a), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_datasync(a), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_file_advise(a, 0, 0, CLOUDABI_ADVICE_NORMAL), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_file_allocate(a, 0, 1), CLOUDABI_ENOTCAPABLE);
  cloudabi_fd_t fd;
  CHECK_ERRNO(open_with(nofollow(a), "x", 0, 0, 0, 0, &fd), CLOUDABI_ENOTCAPABLE);
  // The rights a socket could hand on (its inheriting set is everything)
  // do not make it a directory.
  cloudabi_filestat_t fs;
  CHECK_ERRNO(cloudabi_sys_file_stat_get(nofollow(a), S("."), &fs), CLOUDABI_ENOTCAPABLE);
  close_fd(a);
  close_fd(b);
}

TEST(many_socket_pairs) {
  cloudabi_fd_t fds[200];
  for (int i = 0; i < 200; i += 2) {
    CHECK_OK(cloudabi_sys_fd_create2(
        i % 4 == 0 ? CLOUDABI_FILETYPE_SOCKET_STREAM : CLOUDABI_FILETYPE_SOCKET_DGRAM, &fds[i],
        &fds[i + 1]));
  }
  for (int i = 0; i < 200; i += 2) {
    char c = (char)i;
    write_all(fds[i], &c, 1);
    char d;
    CHECK_EQ(read_some(fds[i + 1], &d, 1), 1);
    CHECK_EQ(d, c);
  }
  for (int i = 0; i < 200; ++i) close_fd(fds[i]);
}

TEST(shared_memory_stays_shared_memory_when_passed_on) {
  cloudabi_fd_t shm, a, b;
  CHECK_OK(cloudabi_sys_fd_create1(CLOUDABI_FILETYPE_SHARED_MEMORY, &shm));
  write_all(shm, S("passed"));
  CHECK_OK(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b));
  cloudabi_ciovec_t data = {.buf = "x", .buf_len = 1};
  cloudabi_send_in_t si = {
      .si_data = &data, .si_data_len = 1, .si_fds = &shm, .si_fds_len = 1, .si_flags = 0};
  cloudabi_send_out_t so;
  CHECK_OK(cloudabi_sys_sock_send(a, &si, &so));
  char byte;
  cloudabi_iovec_t in = {.buf = &byte, .buf_len = 1};
  cloudabi_fd_t received = 0xffffffff;
  cloudabi_recv_in_t ri = {
      .ri_data = &in, .ri_data_len = 1, .ri_fds = &received, .ri_fds_len = 1, .ri_flags = 0};
  cloudabi_recv_out_t ro;
  CHECK_OK(cloudabi_sys_sock_recv(b, &ri, &ro));
  CHECK_EQ(ro.ro_fdslen, 1);
  cloudabi_fdstat_t st = fdstat(received);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_SHARED_MEMORY);
  CHECK_EQ(st.fs_rights_base, RIGHTS_SHARED_MEMORY);
  cloudabi_filestat_t fs;
  CHECK_OK(cloudabi_sys_file_stat_fget(received, &fs));
  CHECK_EQ(fs.st_size, 6);
  close_fd(received);
  close_fd(shm);
  close_fd(a);
  close_fd(b);
}
