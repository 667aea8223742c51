// Helpers shared by the fd_* and file_* test programs (tests/programs/fd and
// tests/programs/file). Everything happens beneath harness_tmp_fd.
#ifndef FDTEST_H
#define FDTEST_H

#include <cloudabi_syscalls.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"

// A string literal as (pointer, length).
#define S(literal) (literal), (sizeof(literal) - 1)

// The per-type maxima of the reference (cloudabi-abi.md 2.3).
#define RIGHTS_REGULAR_FILE                                                                     \
  (CLOUDABI_RIGHT_FD_DATASYNC | CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK |               \
   CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_SYNC | CLOUDABI_RIGHT_FD_TELL |         \
   CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ADVISE | CLOUDABI_RIGHT_FILE_ALLOCATE |        \
   CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE |                         \
   CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES | CLOUDABI_RIGHT_MEM_MAP | CLOUDABI_RIGHT_MEM_MAP_EXEC | \
   CLOUDABI_RIGHT_POLL_FD_READWRITE | CLOUDABI_RIGHT_PROC_EXEC)
#define RIGHTS_DIRECTORY                                                                          \
  (CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_SYNC | CLOUDABI_RIGHT_FILE_ADVISE |       \
   CLOUDABI_RIGHT_FILE_CREATE_DIRECTORY | CLOUDABI_RIGHT_FILE_CREATE_FILE |                       \
   CLOUDABI_RIGHT_FILE_LINK_SOURCE | CLOUDABI_RIGHT_FILE_LINK_TARGET | CLOUDABI_RIGHT_FILE_OPEN | \
   CLOUDABI_RIGHT_FILE_READDIR | CLOUDABI_RIGHT_FILE_READLINK |                                   \
   CLOUDABI_RIGHT_FILE_RENAME_SOURCE | CLOUDABI_RIGHT_FILE_RENAME_TARGET |                        \
   CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES |                          \
   CLOUDABI_RIGHT_FILE_STAT_GET | CLOUDABI_RIGHT_FILE_STAT_PUT_TIMES |                            \
   CLOUDABI_RIGHT_FILE_SYMLINK | CLOUDABI_RIGHT_FILE_UNLINK | CLOUDABI_RIGHT_POLL_FD_READWRITE)
#define RIGHTS_SOCKET                                                                    \
  (CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_WRITE | \
   CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_POLL_FD_READWRITE |                    \
   CLOUDABI_RIGHT_SOCK_SHUTDOWN)
#define RIGHTS_SHARED_MEMORY                                                          \
  (CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET | \
   CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE | CLOUDABI_RIGHT_MEM_MAP | CLOUDABI_RIGHT_MEM_MAP_EXEC)
#define RIGHTS_ALL UINT64_C(0x815FFFF7FF)

// Descriptor numbers no program has.
static const cloudabi_fd_t bad_fds[] = {1000, 4095, 65536, 0x7fffffff, 0xfffffffe, 0xffffffff};
#define NBAD_FDS (sizeof(bad_fds) / sizeof(bad_fds[0]))

static inline cloudabi_fd_t tmp(void) { return (cloudabi_fd_t)harness_tmp_fd; }

static inline cloudabi_lookup_t nofollow(cloudabi_fd_t fd) {
  cloudabi_lookup_t l = {.fd = fd, .flags = 0};
  return l;
}

static inline cloudabi_lookup_t follow(cloudabi_fd_t fd) {
  cloudabi_lookup_t l = {.fd = fd, .flags = CLOUDABI_LOOKUP_SYMLINK_FOLLOW};
  return l;
}

// file_open with explicit rights and flags.
static inline cloudabi_errno_t open_with(cloudabi_lookup_t dir, const char *path,
                                         cloudabi_oflags_t oflags, cloudabi_rights_t base,
                                         cloudabi_rights_t inheriting, cloudabi_fdflags_t fdflags,
                                         cloudabi_fd_t *fd) {
  cloudabi_fdstat_t fds = {.fs_filetype = 0,
                           .fs_flags = fdflags,
                           .fs_rights_base = base,
                           .fs_rights_inheriting = inheriting};
  return cloudabi_sys_file_open(dir, path, strlen(path), oflags, &fds, fd);
}

// Creates (or truncates) a file readable and writable with every right.
static inline cloudabi_fd_t create_file(cloudabi_fd_t dir, const char *path) {
  cloudabi_fd_t fd;
  CHECK_OK(open_with(nofollow(dir), path, CLOUDABI_O_CREAT | CLOUDABI_O_TRUNC, RIGHTS_REGULAR_FILE,
                     0, 0, &fd));
  return fd;
}

// Opens an existing file with every right.
static inline cloudabi_fd_t open_file(cloudabi_fd_t dir, const char *path) {
  cloudabi_fd_t fd;
  CHECK_OK(open_with(nofollow(dir), path, 0, RIGHTS_REGULAR_FILE, 0, 0, &fd));
  return fd;
}

// Opens a directory with every right.
static inline cloudabi_fd_t open_dir(cloudabi_fd_t dir, const char *path) {
  cloudabi_fd_t fd;
  CHECK_OK(open_with(nofollow(dir), path, CLOUDABI_O_DIRECTORY, RIGHTS_DIRECTORY,
                     RIGHTS_DIRECTORY | RIGHTS_REGULAR_FILE, 0, &fd));
  return fd;
}

static inline void make_dir(cloudabi_fd_t dir, const char *path) {
  CHECK_OK(cloudabi_sys_file_create(dir, path, strlen(path), CLOUDABI_FILETYPE_DIRECTORY));
}

static inline void make_symlink(cloudabi_fd_t dir, const char *contents, const char *path) {
  CHECK_OK(cloudabi_sys_file_symlink(contents, strlen(contents), dir, path, strlen(path)));
}

// A duplicate of fd with its rights narrowed to (base, inheriting).
static inline cloudabi_fd_t narrowed(cloudabi_fd_t fd, cloudabi_rights_t base,
                                     cloudabi_rights_t inheriting) {
  cloudabi_fd_t dup;
  CHECK_OK(cloudabi_sys_fd_dup(fd, &dup));
  cloudabi_fdstat_t st = {.fs_rights_base = base, .fs_rights_inheriting = inheriting};
  CHECK_OK(cloudabi_sys_fd_stat_put(dup, &st, CLOUDABI_FDSTAT_RIGHTS));
  cloudabi_fdstat_t check;
  CHECK_OK(cloudabi_sys_fd_stat_get(dup, &check));
  CHECK_EQ(check.fs_rights_base, base);
  CHECK_EQ(check.fs_rights_inheriting, inheriting);
  return dup;
}

static inline cloudabi_fdstat_t fdstat(cloudabi_fd_t fd) {
  cloudabi_fdstat_t st;
  CHECK_OK(cloudabi_sys_fd_stat_get(fd, &st));
  return st;
}

static inline cloudabi_filestat_t stat_path(cloudabi_lookup_t dir, const char *path) {
  cloudabi_filestat_t st;
  CHECK_OK(cloudabi_sys_file_stat_get(dir, path, strlen(path), &st));
  return st;
}

static inline cloudabi_errno_t stat_errno(cloudabi_lookup_t dir, const char *path) {
  cloudabi_filestat_t st;
  return cloudabi_sys_file_stat_get(dir, path, strlen(path), &st);
}

static inline void write_all(cloudabi_fd_t fd, const void *data, size_t len) {
  cloudabi_ciovec_t iov = {.buf = data, .buf_len = len};
  size_t n;
  CHECK_OK(cloudabi_sys_fd_write(fd, &iov, 1, &n));
  CHECK_EQ(n, len);
}

static inline size_t read_some(cloudabi_fd_t fd, void *buf, size_t len) {
  cloudabi_iovec_t iov = {.buf = buf, .buf_len = len};
  size_t n;
  CHECK_OK(cloudabi_sys_fd_read(fd, &iov, 1, &n));
  return n;
}

static inline cloudabi_filesize_t seek(cloudabi_fd_t fd, cloudabi_filedelta_t offset,
                                       cloudabi_whence_t whence) {
  cloudabi_filesize_t pos;
  CHECK_OK(cloudabi_sys_fd_seek(fd, offset, whence, &pos));
  return pos;
}

static inline void close_fd(cloudabi_fd_t fd) { CHECK_OK(cloudabi_sys_fd_close(fd)); }

// Formats "prefix<n>" into buf (the test libc has no snprintf yet).
static inline const char *numbered(char *buf, const char *prefix, unsigned n) {
  size_t len = strlen(prefix);
  memcpy(buf, prefix, len);
  char digits[16];
  int nd = 0;
  do {
    digits[nd++] = (char)('0' + n % 10);
    n /= 10;
  } while (n != 0);
  while (nd > 0) buf[len++] = digits[--nd];
  buf[len] = '\0';
  return buf;
}

#endif
