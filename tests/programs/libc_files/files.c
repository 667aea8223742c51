// Unit tests of the file functions on the temporary directory the runner
// provides: fcntl.h, unistd.h, sys/stat.h, sys/uio.h, fopenat().
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../libc_support/libc_check.h"

TEST(open_read_write) {
  int fd = openat(harness_tmp_fd, "a.txt", O_RDWR | O_CREAT | O_EXCL, 0644);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "hello world", 11), 11);
  CHECK_EQ(lseek(fd, 0, SEEK_CUR), 11);
  CHECK_EQ(lseek(fd, 6, SEEK_SET), 6);
  char buf[16] = {0};
  CHECK_EQ(read(fd, buf, sizeof(buf)), 5);
  CHECK_STREQ(buf, "world");
  CHECK_EQ(read(fd, buf, sizeof(buf)), 0);
  CHECK_EQ(pwrite(fd, "W", 1, 6), 1);
  CHECK_EQ(pread(fd, buf, 5, 6), 5);
  CHECK_EQ(memcmp(buf, "World", 5), 0);
  CHECK_EQ(lseek(fd, 0, SEEK_END), 11);
  errno = 0;
  CHECK_EQ(lseek(fd, -100, SEEK_SET), -1);
  CHECK_EQ(errno, EINVAL);
  errno = 0;
  CHECK_EQ(pread(fd, buf, 1, -1), -1);
  CHECK_EQ(errno, EINVAL);
  CHECK_EQ(fsync(fd), 0);
  CHECK_EQ(fdatasync(fd), 0);
  CHECK_EQ(ftruncate(fd, 5), 0);
  struct stat st;
  CHECK_EQ(fstat(fd, &st), 0);
  CHECK(S_ISREG(st.st_mode));
  CHECK_EQ(st.st_size, 5);
  CHECK_EQ(close(fd), 0);
  errno = 0;
  CHECK_EQ(close(fd), -1);
  CHECK_EQ(errno, EBADF);

  // O_EXCL on an existing file; O_TRUNC; O_APPEND.
  errno = 0;
  CHECK_EQ(openat(harness_tmp_fd, "a.txt", O_WRONLY | O_CREAT | O_EXCL), -1);
  CHECK_EQ(errno, EEXIST);
  fd = openat(harness_tmp_fd, "a.txt", O_WRONLY | O_APPEND);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "!", 1), 1);
  CHECK_EQ(fstatat(harness_tmp_fd, "a.txt", &st, 0), 0);
  CHECK_EQ(st.st_size, 6);
  // Write-only: reading is not allowed.
  errno = 0;
  CHECK_EQ(read(fd, buf, 1), -1);
  CHECK_EQ(errno, EBADF);
  CHECK_EQ(fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND), O_WRONLY | O_APPEND);
  CHECK_EQ(fcntl(fd, F_SETFL, 0), 0);
  CHECK_EQ(fcntl(fd, F_GETFL) & O_APPEND, 0);
  CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
  errno = 0;
  CHECK_EQ(fcntl(fd, 12345), -1);
  CHECK_EQ(errno, EINVAL);
  close(fd);
  fd = openat(harness_tmp_fd, "a.txt", O_RDONLY | O_TRUNC);
  CHECK(fd < 0 || (fstat(fd, &st) == 0));
  if (fd >= 0) close(fd);
  errno = 0;
  CHECK_EQ(openat(harness_tmp_fd, "missing", O_RDONLY), -1);
  CHECK_EQ(errno, ENOENT);
  errno = 0;
  CHECK_EQ(openat(harness_tmp_fd, "a.txt", 0), -1);  // no access mode
  CHECK_EQ(errno, EINVAL);
  errno = 0;
  CHECK_EQ(openat(999999, "a.txt", O_RDONLY), -1);
  CHECK_EQ(errno, EBADF);
}

TEST(paths_stay_inside) {
  errno = 0;
  CHECK_EQ(openat(harness_tmp_fd, "../escape", O_RDONLY), -1);
  CHECK(errno == ENOTCAPABLE || errno == EPERM || errno == EACCES);
  errno = 0;
  CHECK_EQ(openat(harness_tmp_fd, "/etc/passwd", O_RDONLY), -1);
  CHECK(errno != 0);
}

TEST(not_a_directory) {
  int fd = openat(harness_tmp_fd, "file", O_RDWR | O_CREAT);
  CHECK(fd >= 0);
  // ENOTCAPABLE from using a file as a directory becomes ENOTDIR.
  errno = 0;
  CHECK_EQ(openat(fd, "x", O_RDONLY), -1);
  CHECK_EQ(errno, ENOTDIR);
  struct stat st;
  errno = 0;
  CHECK_EQ(fstatat(fd, "x", &st, 0), -1);
  CHECK_EQ(errno, ENOTDIR);
  close(fd);
}

TEST(directories_and_links) {
  CHECK_EQ(mkdirat(harness_tmp_fd, "dir"), 0);
  CHECK_EQ(mkdirat(harness_tmp_fd, "dir/sub", 0755), 0);
  errno = 0;
  CHECK_EQ(mkdirat(harness_tmp_fd, "dir"), -1);
  CHECK_EQ(errno, EEXIST);
  struct stat st;
  CHECK_EQ(fstatat(harness_tmp_fd, "dir", &st, 0), 0);
  CHECK(S_ISDIR(st.st_mode));
  int dir = openat(harness_tmp_fd, "dir", O_RDONLY | O_DIRECTORY);
  CHECK(dir >= 0);
  int fd = openat(dir, "f", O_WRONLY | O_CREAT);
  CHECK(fd >= 0);
  CHECK_EQ(write(fd, "data", 4), 4);
  close(fd);
  CHECK_EQ(linkat(dir, "f", harness_tmp_fd, "hard", 0), 0);
  CHECK_EQ(fstatat(harness_tmp_fd, "hard", &st, 0), 0);
  CHECK_EQ(st.st_nlink, 2);
  CHECK_EQ(symlinkat("dir/f", harness_tmp_fd, "soft"), 0);
  char target[64];
  ssize_t n = readlinkat(harness_tmp_fd, "soft", target, sizeof(target));
  CHECK_EQ(n, 5);
  CHECK_EQ(memcmp(target, "dir/f", 5), 0);
  CHECK_EQ(fstatat(harness_tmp_fd, "soft", &st, AT_SYMLINK_NOFOLLOW), 0);
  CHECK(S_ISLNK(st.st_mode));
  CHECK_EQ(fstatat(harness_tmp_fd, "soft", &st, 0), 0);
  CHECK(S_ISREG(st.st_mode));
  CHECK_EQ(st.st_size, 4);
  CHECK_EQ(renameat(harness_tmp_fd, "hard", dir, "moved"), 0);
  CHECK_EQ(faccessat(dir, "moved", R_OK | W_OK, 0), 0);
  errno = 0;
  CHECK_EQ(faccessat(dir, "absent", F_OK, 0), -1);
  CHECK_EQ(errno, ENOENT);
  errno = 0;
  CHECK_EQ(unlinkat(harness_tmp_fd, "dir", 0), -1);  // a directory needs AT_REMOVEDIR
  CHECK(errno == EISDIR || errno == EPERM);
  errno = 0;
  CHECK_EQ(unlinkat(harness_tmp_fd, "dir", AT_REMOVEDIR), -1);
  CHECK_EQ(errno, ENOTEMPTY);
  CHECK_EQ(unlinkat(dir, "moved", 0), 0);
  CHECK_EQ(unlinkat(dir, "f", 0), 0);
  CHECK_EQ(unlinkat(dir, "sub", AT_REMOVEDIR), 0);
  CHECK_EQ(unlinkat(harness_tmp_fd, "soft", 0), 0);
  close(dir);
  CHECK_EQ(unlinkat(harness_tmp_fd, "dir", AT_REMOVEDIR), 0);
}

TEST(timestamps) {
  int fd = openat(harness_tmp_fd, "t", O_RDWR | O_CREAT);
  CHECK(fd >= 0);
  struct timespec times[2] = {{.tv_sec = 1000000000, .tv_nsec = 5}, {.tv_sec = 1234567890}};
  CHECK_EQ(futimens(fd, times), 0);
  struct stat st;
  CHECK_EQ(fstat(fd, &st), 0);
  CHECK_EQ(st.st_mtim.tv_sec, 1234567890);
  CHECK_EQ(st.st_atim.tv_sec, 1000000000);
  times[0].tv_nsec = UTIME_OMIT;
  times[1].tv_sec = 42;
  CHECK_EQ(utimensat(harness_tmp_fd, "t", times, 0), 0);
  CHECK_EQ(fstat(fd, &st), 0);
  CHECK_EQ(st.st_mtim.tv_sec, 42);
  CHECK_EQ(st.st_atim.tv_sec, 1000000000);
  times[1].tv_nsec = 2000000000;
  errno = 0;
  CHECK_EQ(futimens(fd, times), -1);
  CHECK_EQ(errno, EINVAL);
  CHECK_EQ(futimens(fd, NULL), 0);
  close(fd);
}

TEST(vectored_io_and_dup) {
  int fd = openat(harness_tmp_fd, "v", O_RDWR | O_CREAT);
  struct iovec out[2] = {{"abc", 3}, {"defg", 4}};
  CHECK_EQ(writev(fd, out, 2), 7);
  char a[2], b[5];
  struct iovec in[2] = {{a, 2}, {b, 5}};
  CHECK_EQ(preadv(fd, in, 2, 0), 7);
  CHECK_EQ(memcmp(a, "ab", 2), 0);
  CHECK_EQ(memcmp(b, "cdefg", 5), 0);
  CHECK_EQ(pwritev(fd, out, 1, 7), 3);
  CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
  CHECK_EQ(readv(fd, in, 2), 7);
  errno = 0;
  CHECK_EQ(readv(fd, in, -1), -1);
  CHECK_EQ(errno, EINVAL);
  int d = dup(fd);
  CHECK(d >= 0 && d != fd);
  CHECK_EQ(lseek(d, 0, SEEK_CUR), 7);  // shared offset
  int other = openat(harness_tmp_fd, "w", O_RDWR | O_CREAT);
  CHECK_EQ(dup2(fd, other), other);
  CHECK_EQ(lseek(other, 0, SEEK_END), 10);
  CHECK_EQ(dup2(fd, fd), fd);
  close(d);
  close(other);
  close(fd);
}

TEST(streams_on_files) {
  FILE *f = fopenat(harness_tmp_fd, "s.txt", "w");
  CHECK(f != NULL);
  CHECK(fileno(f) >= 0);
  for (int i = 0; i < 1000; ++i) fprintf(f, "line %d\n", i);
  CHECK_EQ(fclose(f), 0);
  f = fopenat(harness_tmp_fd, "s.txt", "r");
  CHECK(f != NULL);
  char *line = NULL;
  size_t cap = 0;
  int count = 0;
  while (getline(&line, &cap, f) > 0) ++count;
  CHECK_EQ(count, 1000);
  CHECK(feof(f));
  CHECK_EQ(fseek(f, -4, SEEK_END), 0);
  CHECK_EQ(getline(&line, &cap, f), 4);
  CHECK_STREQ(line, "999\n");
  free(line);
  CHECK_EQ(fclose(f), 0);
  f = fopenat(harness_tmp_fd, "s.txt", "a+");
  CHECK_EQ(fputs("tail\n", f), 0);
  rewind(f);
  CHECK_EQ(fgetc(f), 'l');
  fclose(f);
  errno = 0;
  CHECK(fopenat(harness_tmp_fd, "s.txt", "wx") == NULL);
  CHECK_EQ(errno, EEXIST);
  errno = 0;
  CHECK(fopenat(harness_tmp_fd, "nothere", "r") == NULL);
  CHECK_EQ(errno, ENOENT);
  int dfd = dup(harness_log_fd);
  errno = 0;
  CHECK_EQ(lseek(dfd, 0, SEEK_CUR), -1);  // a pipe
  CHECK_EQ(errno, ESPIPE);
  close(dfd);
}
