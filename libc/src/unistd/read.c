#include <cloudabi_syscalls.h>
#include <errno.h>
#include <unistd.h>

// A descriptor lacking the right to read or write is, to POSIX programs, not
// open for that: EBADF.
ssize_t read(int fd, void *buf, size_t len) {
  cloudabi_iovec_t iov = {.buf = buf, .buf_len = len};
  size_t n;
  cloudabi_errno_t error = cloudabi_sys_fd_read((cloudabi_fd_t)fd, &iov, 1, &n);
  if (error != 0) {
    errno = error == ENOTCAPABLE ? EBADF : error;
    return -1;
  }
  return (ssize_t)n;
}

ssize_t write(int fd, const void *buf, size_t len) {
  cloudabi_ciovec_t iov = {.buf = buf, .buf_len = len};
  size_t n;
  cloudabi_errno_t error = cloudabi_sys_fd_write((cloudabi_fd_t)fd, &iov, 1, &n);
  if (error != 0) {
    errno = error == ENOTCAPABLE ? EBADF : error;
    return -1;
  }
  return (ssize_t)n;
}

ssize_t pread(int fd, void *buf, size_t len, off_t offset) {
  if (offset < 0) {
    errno = EINVAL;
    return -1;
  }
  cloudabi_iovec_t iov = {.buf = buf, .buf_len = len};
  size_t n;
  cloudabi_errno_t error =
      cloudabi_sys_fd_pread((cloudabi_fd_t)fd, &iov, 1, (cloudabi_filesize_t)offset, &n);
  if (error != 0) {
    errno = error == ENOTCAPABLE ? EBADF : error;
    return -1;
  }
  return (ssize_t)n;
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t offset) {
  if (offset < 0) {
    errno = EINVAL;
    return -1;
  }
  cloudabi_ciovec_t iov = {.buf = buf, .buf_len = len};
  size_t n;
  cloudabi_errno_t error =
      cloudabi_sys_fd_pwrite((cloudabi_fd_t)fd, &iov, 1, (cloudabi_filesize_t)offset, &n);
  if (error != 0) {
    errno = error == ENOTCAPABLE ? EBADF : error;
    return -1;
  }
  return (ssize_t)n;
}
