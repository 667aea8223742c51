// fd_read, fd_write, fd_pread, fd_pwrite, fd_seek, fd_sync, fd_datasync.
#include "fdtest.h"

TEST(write_and_read_with_several_iovecs) {
  cloudabi_fd_t fd = create_file(tmp(), "iovecs");
  cloudabi_ciovec_t out[3] = {
      {.buf = "Hello, ", .buf_len = 7}, {.buf = "", .buf_len = 0}, {.buf = "world!", .buf_len = 6}};
  size_t n;
  CHECK_OK(cloudabi_sys_fd_write(fd, out, 3, &n));
  CHECK_EQ(n, 13);
  CHECK_EQ(seek(fd, 0, CLOUDABI_WHENCE_SET), 0);
  char a[4], b[20];
  memset(b, 0, sizeof(b));
  cloudabi_iovec_t in[2] = {{.buf = a, .buf_len = sizeof(a)}, {.buf = b, .buf_len = sizeof(b)}};
  CHECK_OK(cloudabi_sys_fd_read(fd, in, 2, &n));
  CHECK_EQ(n, 13);
  CHECK(memcmp(a, "Hell", 4) == 0);
  CHECK(memcmp(b, "o, world!", 9) == 0);
  // End of file.
  CHECK_OK(cloudabi_sys_fd_read(fd, in, 2, &n));
  CHECK_EQ(n, 0);
  // No buffers at all: nothing happens.
  CHECK_OK(cloudabi_sys_fd_read(fd, in, 0, &n));
  CHECK_EQ(n, 0);
  CHECK_OK(cloudabi_sys_fd_write(fd, out, 0, &n));
  CHECK_EQ(n, 0);
  close_fd(fd);
}

TEST(too_many_iovecs) {
  cloudabi_fd_t fd = create_file(tmp(), "iovmax");
  static cloudabi_iovec_t in[1025];
  static cloudabi_ciovec_t out[1025];
  char byte = 'z';
  for (int i = 0; i < 1025; ++i) {
    in[i].buf = &byte;
    in[i].buf_len = 1;
    out[i].buf = &byte;
    out[i].buf_len = 1;
  }
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_write(fd, out, 1025, &n), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_fd_read(fd, in, 1025, &n), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_fd_pwrite(fd, out, 1025, 0, &n), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_fd_pread(fd, in, 1025, 0, &n), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_fd_write(fd, out, (size_t)1 << 32 | 1, &n), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_fd_read(fd, in, SIZE_MAX, &n), CLOUDABI_EINVAL);
  CHECK_OK(cloudabi_sys_fd_write(fd, out, 1024, &n));
  CHECK_EQ(n, 1024);
  close_fd(fd);
}

TEST(pread_and_pwrite_at_offsets) {
  cloudabi_fd_t fd = create_file(tmp(), "positional");
  cloudabi_ciovec_t out[2] = {{.buf = "abc", .buf_len = 3}, {.buf = "defg", .buf_len = 4}};
  size_t n;
  CHECK_OK(cloudabi_sys_fd_pwrite(fd, out, 2, 100, &n));
  CHECK_EQ(n, 7);
  // The file offset did not move.
  CHECK_EQ(seek(fd, 0, CLOUDABI_WHENCE_CUR), 0);
  cloudabi_filestat_t st;
  CHECK_OK(cloudabi_sys_file_stat_fget(fd, &st));
  CHECK_EQ(st.st_size, 107);

  char x[2], y[3], z[10];
  memset(z, '?', sizeof(z));
  cloudabi_iovec_t in[3] = {
      {.buf = x, .buf_len = 2}, {.buf = y, .buf_len = 3}, {.buf = z, .buf_len = sizeof(z)}};
  CHECK_OK(cloudabi_sys_fd_pread(fd, in, 3, 99, &n));
  CHECK_EQ(n, 8);
  CHECK_EQ(x[0], 0);  // the hole reads as zeros
  CHECK_EQ(x[1], 'a');
  CHECK(memcmp(y, "bcd", 3) == 0);
  CHECK(memcmp(z, "efg", 3) == 0);
  CHECK_EQ(z[3], '?');
  // Beyond the end: nothing.
  CHECK_OK(cloudabi_sys_fd_pread(fd, in, 3, 107, &n));
  CHECK_EQ(n, 0);
  CHECK_OK(cloudabi_sys_fd_pread(fd, in, 3, (cloudabi_filesize_t)1 << 40, &n));
  CHECK_EQ(n, 0);
  CHECK_EQ(seek(fd, 0, CLOUDABI_WHENCE_CUR), 0);
  close_fd(fd);
}

TEST(pread_and_pwrite_reject_bad_arguments) {
  cloudabi_fd_t fd = create_file(tmp(), "positional_bad");
  char buf[4];
  cloudabi_iovec_t in = {.buf = buf, .buf_len = sizeof(buf)};
  cloudabi_ciovec_t out = {.buf = "data", .buf_len = 4};
  size_t n;
  // No buffers: EINVAL, before the descriptor is even looked at.
  CHECK_ERRNO(cloudabi_sys_fd_pread(fd, &in, 0, 0, &n), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_fd_pwrite(fd, &out, 0, 0, &n), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_fd_pread(0xffffffff, &in, 0, 0, &n), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_fd_pwrite(0xffffffff, &out, 0, 0, &n), CLOUDABI_EINVAL);
  // Offsets Linux cannot represent.
  CHECK_ERRNO(cloudabi_sys_fd_pread(fd, &in, 1, (cloudabi_filesize_t)INT64_MAX + 1, &n),
              CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_fd_pwrite(fd, &out, 1, UINT64_MAX, &n), CLOUDABI_EINVAL);
  // Writing up to the largest offset is too big for the file system.
  cloudabi_errno_t e = cloudabi_sys_fd_pwrite(fd, &out, 1, (cloudabi_filesize_t)INT64_MAX - 1, &n);
  CHECK(e == CLOUDABI_EFBIG || e == CLOUDABI_EINVAL);
  close_fd(fd);
}

TEST(positional_io_needs_the_seek_right) {
  cloudabi_fd_t fd = create_file(tmp(), "positional_rights");
  write_all(fd, S("content"));
  cloudabi_fd_t n = narrowed(fd, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE, 0);
  char buf[8];
  cloudabi_iovec_t in = {.buf = buf, .buf_len = sizeof(buf)};
  cloudabi_ciovec_t out = {.buf = "x", .buf_len = 1};
  size_t len;
  CHECK_ERRNO(cloudabi_sys_fd_pread(n, &in, 1, 0, &len), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_pwrite(n, &out, 1, 0, &len), CLOUDABI_ENOTCAPABLE);
  close_fd(n);
  n = narrowed(fd, CLOUDABI_RIGHT_FD_SEEK | CLOUDABI_RIGHT_FD_WRITE, 0);
  CHECK_ERRNO(cloudabi_sys_fd_pread(n, &in, 1, 0, &len), CLOUDABI_ENOTCAPABLE);
  CHECK_OK(cloudabi_sys_fd_pwrite(n, &out, 1, 0, &len));
  close_fd(n);
  n = narrowed(fd, CLOUDABI_RIGHT_FD_SEEK | CLOUDABI_RIGHT_FD_READ, 0);
  CHECK_ERRNO(cloudabi_sys_fd_pwrite(n, &out, 1, 0, &len), CLOUDABI_ENOTCAPABLE);
  CHECK_OK(cloudabi_sys_fd_pread(n, &in, 1, 0, &len));
  CHECK_EQ(len, 7);
  CHECK(memcmp(buf, "xontent", 7) == 0);
  close_fd(n);
  close_fd(fd);
}

TEST(read_and_write_need_their_rights) {
  cloudabi_fd_t fd = create_file(tmp(), "rw_rights");
  cloudabi_fd_t ro = narrowed(fd, CLOUDABI_RIGHT_FD_READ, 0);
  cloudabi_fd_t wo = narrowed(fd, CLOUDABI_RIGHT_FD_WRITE, 0);
  char buf[4];
  cloudabi_iovec_t in = {.buf = buf, .buf_len = sizeof(buf)};
  cloudabi_ciovec_t out = {.buf = "x", .buf_len = 1};
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_write(ro, &out, 1, &n), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_read(wo, &in, 1, &n), CLOUDABI_ENOTCAPABLE);
  CHECK_OK(cloudabi_sys_fd_write(wo, &out, 1, &n));
  CHECK_OK(cloudabi_sys_fd_read(ro, &in, 1, &n));
  // A directory can be neither read nor written.
  CHECK_ERRNO(cloudabi_sys_fd_read(tmp(), &in, 1, &n), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_write(tmp(), &out, 1, &n), CLOUDABI_ENOTCAPABLE);
  close_fd(ro);
  close_fd(wo);
  close_fd(fd);
}

TEST(files_opened_read_only_cannot_be_written) {
  close_fd(create_file(tmp(), "read_only"));
  cloudabi_fd_t fd;
  CHECK_OK(open_with(nofollow(tmp()), "read_only", 0, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd));
  CHECK_EQ(fdstat(fd).fs_rights_base, CLOUDABI_RIGHT_FD_READ);
  cloudabi_ciovec_t out = {.buf = "x", .buf_len = 1};
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_write(fd, &out, 1, &n), CLOUDABI_ENOTCAPABLE);
  // Rights cannot be widened to get the write access back.
  cloudabi_fdstat_t st = {.fs_rights_base = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE};
  CHECK_ERRNO(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_RIGHTS), CLOUDABI_ENOTCAPABLE);
  close_fd(fd);
}

TEST(seek_whence_and_offsets) {
  cloudabi_fd_t fd = create_file(tmp(), "seek");
  write_all(fd, S("0123456789"));
  CHECK_EQ(seek(fd, 0, CLOUDABI_WHENCE_CUR), 10);
  CHECK_EQ(seek(fd, 3, CLOUDABI_WHENCE_SET), 3);
  CHECK_EQ(seek(fd, 2, CLOUDABI_WHENCE_CUR), 5);
  CHECK_EQ(seek(fd, -1, CLOUDABI_WHENCE_CUR), 4);
  CHECK_EQ(seek(fd, -2, CLOUDABI_WHENCE_END), 8);
  char c;
  CHECK_EQ(read_some(fd, &c, 1), 1);
  CHECK_EQ(c, '8');
  // Past the end is allowed; before the start is not.
  CHECK_EQ(seek(fd, 1000, CLOUDABI_WHENCE_END), 1010);
  cloudabi_filesize_t pos = 12345;
  CHECK_ERRNO(cloudabi_sys_fd_seek(fd, -1, CLOUDABI_WHENCE_SET, &pos), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_fd_seek(fd, -2000, CLOUDABI_WHENCE_CUR, &pos), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_fd_seek(fd, INT64_MIN, CLOUDABI_WHENCE_END, &pos), CLOUDABI_EINVAL);
  CHECK_EQ(pos, 12345);
  CHECK_EQ(seek(fd, 0, CLOUDABI_WHENCE_CUR), 1010);
  // Bad whence values, checked before the descriptor.
  static const cloudabi_whence_t bad[] = {0, 4, 5, 0x80, 0xff};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); ++i) {
    CHECK_ERRNO(cloudabi_sys_fd_seek(fd, 0, bad[i], &pos), CLOUDABI_EINVAL);
    CHECK_ERRNO(cloudabi_sys_fd_seek(0xffffffff, 0, bad[i], &pos), CLOUDABI_EINVAL);
  }
  close_fd(fd);
}

TEST(tell_needs_only_fd_tell) {
  cloudabi_fd_t fd = create_file(tmp(), "tell");
  write_all(fd, S("abc"));
  cloudabi_fd_t t = narrowed(fd, CLOUDABI_RIGHT_FD_TELL, 0);
  cloudabi_filesize_t pos;
  CHECK_OK(cloudabi_sys_fd_seek(t, 0, CLOUDABI_WHENCE_CUR, &pos));
  CHECK_EQ(pos, 3);
  CHECK_ERRNO(cloudabi_sys_fd_seek(t, 1, CLOUDABI_WHENCE_CUR, &pos), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_seek(t, 0, CLOUDABI_WHENCE_SET, &pos), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_seek(t, 0, CLOUDABI_WHENCE_END, &pos), CLOUDABI_ENOTCAPABLE);
  close_fd(t);
  // FD_SEEK alone is not enough either: moving needs FD_TELL too.
  t = narrowed(fd, CLOUDABI_RIGHT_FD_SEEK, 0);
  CHECK_ERRNO(cloudabi_sys_fd_seek(t, 0, CLOUDABI_WHENCE_SET, &pos), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_seek(t, 0, CLOUDABI_WHENCE_CUR, &pos), CLOUDABI_ENOTCAPABLE);
  close_fd(t);
  t = narrowed(fd, 0, 0);
  CHECK_ERRNO(cloudabi_sys_fd_seek(t, 0, CLOUDABI_WHENCE_CUR, &pos), CLOUDABI_ENOTCAPABLE);
  close_fd(t);
  close_fd(fd);
}

TEST(seek_on_sockets_and_directories) {
  cloudabi_fd_t a, b;
  CHECK_OK(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b));
  cloudabi_filesize_t pos;
  // Neither type can have the seek rights.
  CHECK_ERRNO(cloudabi_sys_fd_seek(a, 0, CLOUDABI_WHENCE_CUR, &pos), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_seek(a, 0, CLOUDABI_WHENCE_SET, &pos), CLOUDABI_ENOTCAPABLE);
  CHECK_ERRNO(cloudabi_sys_fd_seek(tmp(), 0, CLOUDABI_WHENCE_CUR, &pos), CLOUDABI_ENOTCAPABLE);
  close_fd(a);
  close_fd(b);
}

TEST(append_mode_writes_at_the_end) {
  cloudabi_fd_t fd;
  CHECK_OK(open_with(nofollow(tmp()), "append", CLOUDABI_O_CREAT, RIGHTS_REGULAR_FILE, 0,
                     CLOUDABI_FDFLAG_APPEND, &fd));
  write_all(fd, S("first"));
  CHECK_EQ(seek(fd, 0, CLOUDABI_WHENCE_SET), 0);
  write_all(fd, S("second"));
  CHECK_EQ(seek(fd, 0, CLOUDABI_WHENCE_CUR), 11);
  // A second descriptor writing in between: appends still land at the end.
  cloudabi_fd_t other = open_file(tmp(), "append");
  write_all(other, S("XX"));  // overwrites "fi" at offset 0
  CHECK_EQ(seek(fd, 0, CLOUDABI_WHENCE_SET), 0);
  write_all(fd, S("!"));
  char buf[16];
  size_t n;
  cloudabi_iovec_t in = {.buf = buf, .buf_len = sizeof(buf)};
  CHECK_OK(cloudabi_sys_fd_pread(other, &in, 1, 0, &n));
  CHECK_EQ(n, 12);
  CHECK(memcmp(buf, "XXrstsecond!", 12) == 0);
  close_fd(other);
  close_fd(fd);
}

TEST(sync_and_datasync) {
  cloudabi_fd_t fd = create_file(tmp(), "sync");
  write_all(fd, S("durable"));
  CHECK_OK(cloudabi_sys_fd_sync(fd));
  CHECK_OK(cloudabi_sys_fd_datasync(fd));
  cloudabi_fd_t n = narrowed(fd, RIGHTS_REGULAR_FILE & ~CLOUDABI_RIGHT_FD_SYNC, 0);
  CHECK_ERRNO(cloudabi_sys_fd_sync(n), CLOUDABI_ENOTCAPABLE);
  CHECK_OK(cloudabi_sys_fd_datasync(n));
  close_fd(n);
  n = narrowed(fd, RIGHTS_REGULAR_FILE & ~CLOUDABI_RIGHT_FD_DATASYNC, 0);
  CHECK_ERRNO(cloudabi_sys_fd_datasync(n), CLOUDABI_ENOTCAPABLE);
  CHECK_OK(cloudabi_sys_fd_sync(n));
  close_fd(n);
  // Directories can be synced but have no FD_DATASYNC.
  CHECK_OK(cloudabi_sys_fd_sync(tmp()));
  CHECK_ERRNO(cloudabi_sys_fd_datasync(tmp()), CLOUDABI_ENOTCAPABLE);
  close_fd(fd);
}

TEST(large_transfer) {
  static char big[1 << 20], back[1 << 20];
  for (size_t i = 0; i < sizeof(big); ++i) big[i] = (char)(i * 7 + 3);
  cloudabi_fd_t fd = create_file(tmp(), "large");
  cloudabi_ciovec_t out = {.buf = big, .buf_len = sizeof(big)};
  size_t n;
  CHECK_OK(cloudabi_sys_fd_pwrite(fd, &out, 1, 4096, &n));
  CHECK_EQ(n, sizeof(big));
  cloudabi_iovec_t in = {.buf = back, .buf_len = sizeof(back)};
  CHECK_OK(cloudabi_sys_fd_pread(fd, &in, 1, 4096, &n));
  CHECK_EQ(n, sizeof(back));
  CHECK(memcmp(big, back, sizeof(big)) == 0);
  close_fd(fd);
}

TEST(pointers_the_kernel_checks_give_efault) {
  cloudabi_fd_t fd = create_file(tmp(), "efault");
  write_all(fd, S("some data"));
  CHECK_EQ(seek(fd, 0, CLOUDABI_WHENCE_SET), 0);
  void *wild = (void *)(uintptr_t)0x10;  // never mapped
  cloudabi_iovec_t in = {.buf = wild, .buf_len = 4};
  cloudabi_ciovec_t out = {.buf = wild, .buf_len = 4};
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_read(fd, &in, 1, &n), CLOUDABI_EFAULT);
  CHECK_ERRNO(cloudabi_sys_fd_pread(fd, &in, 1, 0, &n), CLOUDABI_EFAULT);
  CHECK_ERRNO(cloudabi_sys_fd_write(fd, &out, 1, &n), CLOUDABI_EFAULT);
  CHECK_ERRNO(cloudabi_sys_fd_pwrite(fd, &out, 1, 0, &n), CLOUDABI_EFAULT);
  // The iovec arrays themselves.
  CHECK_ERRNO(cloudabi_sys_fd_read(fd, wild, 2, &n), CLOUDABI_EFAULT);
  CHECK_ERRNO(cloudabi_sys_fd_pread(fd, wild, 2, 0, &n), CLOUDABI_EFAULT);
  CHECK_ERRNO(cloudabi_sys_fd_write(fd, wild, 2, &n), CLOUDABI_EFAULT);
  CHECK_ERRNO(cloudabi_sys_fd_pwrite(fd, wild, 2, 0, &n), CLOUDABI_EFAULT);
  // Nothing was consumed or written.
  char buf[16];
  CHECK_EQ(read_some(fd, buf, sizeof(buf)), 9);
  CHECK(memcmp(buf, "some data", 9) == 0);
  // The contents of a link are copied out by the kernel too.
  make_symlink(tmp(), "target", "efault_link");
  CHECK_ERRNO(cloudabi_sys_file_readlink(tmp(), S("efault_link"), wild, 16, &n), CLOUDABI_EFAULT);
  close_fd(fd);
}
