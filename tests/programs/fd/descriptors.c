// fd_close, fd_dup, fd_replace, fd_stat_get, fd_stat_put: the descriptor
// table itself, rights that only shrink, and bad descriptors everywhere.
#include "fdtest.h"

TEST(every_fd_call_rejects_unknown_descriptors) {
  char byte = 'x';
  cloudabi_iovec_t iov = {.buf = &byte, .buf_len = 1};
  cloudabi_ciovec_t ciov = {.buf = &byte, .buf_len = 1};
  size_t n;
  cloudabi_fd_t out;
  cloudabi_filesize_t pos;
  cloudabi_fdstat_t st = fdstat(tmp());
  cloudabi_fd_t log = (cloudabi_fd_t)harness_log_fd;
  for (size_t i = 0; i < NBAD_FDS; ++i) {
    cloudabi_fd_t fd = bad_fds[i];
    CHECK_ERRNO(cloudabi_sys_fd_close(fd), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_datasync(fd), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_dup(fd, &out), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_pread(fd, &iov, 1, 0, &n), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_pwrite(fd, &ciov, 1, 0, &n), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_read(fd, &iov, 1, &n), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_replace(fd, log), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_replace(log, fd), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_seek(fd, 0, CLOUDABI_WHENCE_CUR, &pos), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_seek(fd, 5, CLOUDABI_WHENCE_SET, &pos), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_stat_get(fd, &st), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_FLAGS), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_RIGHTS), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_sync(fd), CLOUDABI_EBADF);
    CHECK_ERRNO(cloudabi_sys_fd_write(fd, &ciov, 1, &n), CLOUDABI_EBADF);
  }
  // The log descriptor still works after all that.
  write_all(log, "", 0);
}

TEST(close_removes_the_descriptor) {
  cloudabi_fd_t fd = create_file(tmp(), "close_me");
  close_fd(fd);
  char buf[4];
  cloudabi_iovec_t iov = {.buf = buf, .buf_len = sizeof(buf)};
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_read(fd, &iov, 1, &n), CLOUDABI_EBADF);
  cloudabi_fdstat_t st;
  CHECK_ERRNO(cloudabi_sys_fd_stat_get(fd, &st), CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_fd_close(fd), CLOUDABI_EBADF);
}

TEST(closed_numbers_are_reused_with_the_new_rights) {
  cloudabi_fd_t a = create_file(tmp(), "reuse_a");
  close_fd(a);
  cloudabi_fd_t dir = open_dir(tmp(), ".");
  // Linux hands out the lowest free number: the one just closed.
  CHECK_EQ(dir, a);
  cloudabi_fdstat_t st = fdstat(dir);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  CHECK_EQ(st.fs_rights_base, RIGHTS_DIRECTORY);
  close_fd(dir);
}

TEST(dup_shares_the_open_file_and_copies_rights) {
  cloudabi_fd_t fd = create_file(tmp(), "dup_file");
  cloudabi_fd_t dup;
  CHECK_OK(cloudabi_sys_fd_dup(fd, &dup));
  CHECK(dup != fd);
  cloudabi_fdstat_t a = fdstat(fd), b = fdstat(dup);
  CHECK_EQ(b.fs_filetype, a.fs_filetype);
  CHECK_EQ(b.fs_rights_base, a.fs_rights_base);
  CHECK_EQ(b.fs_rights_inheriting, a.fs_rights_inheriting);
  // One file offset: writing through one moves the other.
  write_all(fd, S("hello"));
  CHECK_EQ(seek(dup, 0, CLOUDABI_WHENCE_CUR), 5);
  close_fd(fd);
  write_all(dup, S("!"));
  CHECK_EQ(seek(dup, 0, CLOUDABI_WHENCE_CUR), 6);
  close_fd(dup);
}

TEST(dup_keeps_narrowed_rights) {
  cloudabi_fd_t fd = create_file(tmp(), "dup_narrow");
  cloudabi_fd_t ro = narrowed(fd, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FILE_STAT_FGET, 0);
  cloudabi_fd_t dup;
  CHECK_OK(cloudabi_sys_fd_dup(ro, &dup));
  cloudabi_fdstat_t st = fdstat(dup);
  CHECK_EQ(st.fs_rights_base, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FILE_STAT_FGET);
  CHECK_EQ(st.fs_rights_inheriting, 0);
  cloudabi_ciovec_t iov = {.buf = "x", .buf_len = 1};
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_write(dup, &iov, 1, &n), CLOUDABI_ENOTCAPABLE);
  close_fd(dup);
  close_fd(ro);
  close_fd(fd);
}

TEST(replace_makes_to_refer_to_from) {
  cloudabi_fd_t a = create_file(tmp(), "replace_a");
  cloudabi_fd_t b = create_file(tmp(), "replace_b");
  write_all(a, S("AAAA"));
  cloudabi_fd_t ra = narrowed(a, CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_TELL, 0);
  CHECK_OK(cloudabi_sys_fd_replace(ra, b));
  // b now is a's file (shared offset 4) with ra's rights.
  cloudabi_fdstat_t st = fdstat(b);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(st.fs_rights_base, CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_TELL);
  CHECK_EQ(seek(b, 0, CLOUDABI_WHENCE_CUR), 4);
  write_all(b, S("BB"));
  CHECK_EQ(seek(a, 0, CLOUDABI_WHENCE_CUR), 6);
  // from still exists.
  CHECK_EQ(fdstat(ra).fs_rights_base, CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_TELL);
  cloudabi_filestat_t fs = stat_path(nofollow(tmp()), "replace_a");
  CHECK_EQ(fs.st_size, 6);
  fs = stat_path(nofollow(tmp()), "replace_b");
  CHECK_EQ(fs.st_size, 0);
  close_fd(a);
  close_fd(b);
  close_fd(ra);
}

TEST(replace_needs_both_descriptors) {
  cloudabi_fd_t a = create_file(tmp(), "replace_c");
  cloudabi_fd_t b = create_file(tmp(), "replace_d");
  close_fd(b);
  // Unlike dup2, replace does not create descriptors.
  CHECK_ERRNO(cloudabi_sys_fd_replace(a, b), CLOUDABI_EBADF);
  cloudabi_fdstat_t st;
  CHECK_ERRNO(cloudabi_sys_fd_stat_get(b, &st), CLOUDABI_EBADF);
  CHECK_ERRNO(cloudabi_sys_fd_replace(b, a), CLOUDABI_EBADF);
  CHECK_OK(cloudabi_sys_fd_replace(a, a));
  CHECK_EQ(fdstat(a).fs_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  close_fd(a);
}

TEST(replace_a_directory_with_a_socket) {
  cloudabi_fd_t dir = open_dir(tmp(), ".");
  cloudabi_fd_t s1, s2;
  CHECK_OK(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_STREAM, &s1, &s2));
  CHECK_OK(cloudabi_sys_fd_replace(s1, dir));
  cloudabi_fdstat_t st = fdstat(dir);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_SOCKET_STREAM);
  CHECK_EQ(st.fs_rights_base, RIGHTS_SOCKET);
  write_all(dir, S("via replaced"));
  char buf[32];
  CHECK_EQ(read_some(s2, buf, sizeof(buf)), 12);
  CHECK(memcmp(buf, "via replaced", 12) == 0);
  cloudabi_filestat_t fs;
  CHECK_ERRNO(cloudabi_sys_file_stat_get(nofollow(dir), S("x"), &fs), CLOUDABI_ENOTCAPABLE);
  close_fd(dir);
  close_fd(s1);
  close_fd(s2);
}

TEST(stat_get_reports_type_flags_and_rights) {
  cloudabi_fdstat_t st = fdstat(tmp());
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_DIRECTORY);
  CHECK_EQ(st.fs_flags, 0);
  CHECK_EQ(st.fs_rights_base, RIGHTS_DIRECTORY);
  CHECK_EQ(st.fs_rights_inheriting, RIGHTS_DIRECTORY | RIGHTS_REGULAR_FILE);

  cloudabi_fd_t fd;
  CHECK_OK(open_with(nofollow(tmp()), "flags_file", CLOUDABI_O_CREAT, RIGHTS_REGULAR_FILE, 0,
                     CLOUDABI_FDFLAG_APPEND | CLOUDABI_FDFLAG_NONBLOCK, &fd));
  st = fdstat(fd);
  CHECK_EQ(st.fs_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(st.fs_flags, CLOUDABI_FDFLAG_APPEND | CLOUDABI_FDFLAG_NONBLOCK);
  CHECK_EQ(st.fs_rights_base, RIGHTS_REGULAR_FILE);
  CHECK_EQ(st.fs_rights_inheriting, 0);
  close_fd(fd);

  CHECK_OK(open_with(nofollow(tmp()), "flags_file", 0, RIGHTS_REGULAR_FILE, 0, CLOUDABI_FDFLAG_SYNC,
                     &fd));
  CHECK_EQ(fdstat(fd).fs_flags, CLOUDABI_FDFLAG_SYNC);
  close_fd(fd);
  CHECK_OK(open_with(nofollow(tmp()), "flags_file", 0, RIGHTS_REGULAR_FILE, 0,
                     CLOUDABI_FDFLAG_DSYNC, &fd));
  CHECK_EQ(fdstat(fd).fs_flags, CLOUDABI_FDFLAG_DSYNC);
  close_fd(fd);
}

TEST(stat_put_flags_sets_append_and_nonblock) {
  cloudabi_fd_t fd = create_file(tmp(), "put_flags");
  write_all(fd, S("0123456789"));
  cloudabi_fdstat_t st = {.fs_flags = CLOUDABI_FDFLAG_APPEND};
  CHECK_OK(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_FLAGS));
  CHECK_EQ(fdstat(fd).fs_flags, CLOUDABI_FDFLAG_APPEND);
  CHECK_EQ(seek(fd, 0, CLOUDABI_WHENCE_SET), 0);
  write_all(fd, S("end"));
  CHECK_EQ(seek(fd, 0, CLOUDABI_WHENCE_CUR), 13);
  // Rights and type are not touched by FDSTAT_FLAGS, whatever buf says.
  st.fs_flags = CLOUDABI_FDFLAG_NONBLOCK;
  st.fs_filetype = CLOUDABI_FILETYPE_SOCKET_DGRAM;
  st.fs_rights_base = 0;
  CHECK_OK(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_FLAGS));
  cloudabi_fdstat_t now = fdstat(fd);
  CHECK_EQ(now.fs_flags, CLOUDABI_FDFLAG_NONBLOCK);
  CHECK_EQ(now.fs_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
  CHECK_EQ(now.fs_rights_base, RIGHTS_REGULAR_FILE);
  st.fs_flags = 0;
  CHECK_OK(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_FLAGS));
  CHECK_EQ(fdstat(fd).fs_flags, 0);
  close_fd(fd);
}

TEST(stat_put_flags_needs_its_right) {
  cloudabi_fd_t fd = create_file(tmp(), "put_flags_right");
  cloudabi_fd_t n = narrowed(fd, RIGHTS_REGULAR_FILE & ~CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS, 0);
  cloudabi_fdstat_t st = {.fs_flags = CLOUDABI_FDFLAG_APPEND};
  CHECK_ERRNO(cloudabi_sys_fd_stat_put(n, &st, CLOUDABI_FDSTAT_FLAGS), CLOUDABI_ENOTCAPABLE);
  CHECK_EQ(fdstat(n).fs_flags, 0);
  close_fd(n);
  close_fd(fd);
}

TEST(stat_put_rights_only_shrinks) {
  cloudabi_fd_t fd = create_file(tmp(), "shrink");
  cloudabi_fdstat_t st = {.fs_rights_base = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE,
                          .fs_rights_inheriting = 0};
  CHECK_OK(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_RIGHTS));
  CHECK_EQ(fdstat(fd).fs_rights_base, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE);
  // Asking for more fails and changes nothing.
  st.fs_rights_base = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_SEEK;
  CHECK_ERRNO(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_RIGHTS), CLOUDABI_ENOTCAPABLE);
  st.fs_rights_base = RIGHTS_ALL;
  CHECK_ERRNO(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_RIGHTS), CLOUDABI_ENOTCAPABLE);
  st.fs_rights_base = CLOUDABI_RIGHT_FD_READ;
  st.fs_rights_inheriting = CLOUDABI_RIGHT_FD_READ;  // a file has no inheriting rights
  CHECK_ERRNO(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_RIGHTS), CLOUDABI_ENOTCAPABLE);
  CHECK_EQ(fdstat(fd).fs_rights_base, CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE);
  // The rights are enforced.
  cloudabi_filesize_t pos;
  CHECK_ERRNO(cloudabi_sys_fd_seek(fd, 0, CLOUDABI_WHENCE_CUR, &pos), CLOUDABI_ENOTCAPABLE);
  cloudabi_filestat_t fs;
  CHECK_ERRNO(cloudabi_sys_file_stat_fget(fd, &fs), CLOUDABI_ENOTCAPABLE);
  write_all(fd, S("ok"));
  // Down to nothing.
  st.fs_rights_base = 0;
  st.fs_rights_inheriting = 0;
  CHECK_OK(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_RIGHTS));
  cloudabi_ciovec_t iov = {.buf = "x", .buf_len = 1};
  size_t n;
  CHECK_ERRNO(cloudabi_sys_fd_write(fd, &iov, 1, &n), CLOUDABI_ENOTCAPABLE);
  st.fs_rights_base = CLOUDABI_RIGHT_FD_WRITE;
  CHECK_ERRNO(cloudabi_sys_fd_stat_put(fd, &st, CLOUDABI_FDSTAT_RIGHTS), CLOUDABI_ENOTCAPABLE);
  // fd_stat_get and fd_close need no rights.
  CHECK_EQ(fdstat(fd).fs_rights_base, 0);
  close_fd(fd);
}

TEST(stat_put_rights_of_a_directory_limit_what_it_hands_out) {
  cloudabi_fd_t dir = narrowed(tmp(), RIGHTS_DIRECTORY, CLOUDABI_RIGHT_FD_READ);
  cloudabi_fd_t fd;
  CHECK_ERRNO(open_with(nofollow(dir), "dir_limit", CLOUDABI_O_CREAT,
                        CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE, 0, 0, &fd),
              CLOUDABI_ENOTCAPABLE);
  CHECK_OK(
      open_with(nofollow(dir), "dir_limit", CLOUDABI_O_CREAT, CLOUDABI_RIGHT_FD_READ, 0, 0, &fd));
  CHECK_EQ(fdstat(fd).fs_rights_base, CLOUDABI_RIGHT_FD_READ);
  close_fd(fd);
  close_fd(dir);
}

TEST(stat_put_rejects_other_flag_values) {
  cloudabi_fd_t fd = create_file(tmp(), "put_flag_values");
  cloudabi_fdstat_t st = fdstat(fd);
  static const cloudabi_fdsflags_t bad[] = {0, 3, 4, 0x80, 0xffff};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); ++i) {
    CHECK_ERRNO(cloudabi_sys_fd_stat_put(fd, &st, bad[i]), CLOUDABI_EINVAL);
    // The flags value is checked before the descriptor.
    CHECK_ERRNO(cloudabi_sys_fd_stat_put(0xffffffff, &st, bad[i]), CLOUDABI_EINVAL);
  }
  close_fd(fd);
}

TEST(many_descriptors) {
  // Open, dup and close a few hundred descriptors; the table stays exact.
  cloudabi_fd_t fds[300];
  cloudabi_fd_t file = create_file(tmp(), "many");
  for (int i = 0; i < 300; ++i) CHECK_OK(cloudabi_sys_fd_dup(file, &fds[i]));
  for (int i = 0; i < 300; i += 2) close_fd(fds[i]);
  for (int i = 0; i < 300; ++i) {
    cloudabi_fdstat_t st;
    CHECK_ERRNO(cloudabi_sys_fd_stat_get(fds[i], &st), i % 2 == 0 ? CLOUDABI_EBADF : 0);
  }
  for (int i = 1; i < 300; i += 2) close_fd(fds[i]);
  close_fd(file);
}

TEST(closing_or_replacing_a_process_descriptor_ends_the_child) {
  for (int replace = 0; replace < 2; ++replace) {
    cloudabi_fd_t a, b;
    CHECK_OK(cloudabi_sys_fd_create2(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b));
    cloudabi_fd_t pd;
    cloudabi_tid_t tid;
    CHECK_OK(cloudabi_sys_proc_fork(&pd, &tid));
    if (pd == CLOUDABI_PROCESS_CHILD) {
      cloudabi_sys_fd_close(a);
      write_all(b, S("r"));
      char c;
      read_some(b, &c, 1);  // blocks until the parent ends this process
      cloudabi_sys_proc_exit(1);
    }
    close_fd(b);
    char c;
    CHECK_EQ(read_some(a, &c, 1), 1);  // the child is running
    CHECK_EQ(fdstat(pd).fs_filetype, CLOUDABI_FILETYPE_PROCESS);
    if (replace) {
      cloudabi_fd_t file = create_file(tmp(), "replaces_a_process");
      CHECK_OK(cloudabi_sys_fd_replace(file, pd));
      CHECK_EQ(fdstat(pd).fs_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
      close_fd(file);
      close_fd(pd);
    } else {
      close_fd(pd);
    }
    // The child's end of the pair closed when it was killed.
    CHECK_EQ(read_some(a, &c, 1), 0);
    close_fd(a);
  }
}
