#include <cloudabi_syscalls.h>
#include <errno.h>
#include <limits.h>
#include <sys/uio.h>

// struct iovec has the layout of CloudABI's iovecs.
_Static_assert(sizeof(struct iovec) == sizeof(cloudabi_iovec_t), "iovec layout");

static int check(int iovcnt) {
  if (iovcnt < 0 || iovcnt > IOV_MAX) {
    errno = EINVAL;
    return -1;
  }
  return 0;
}

static ssize_t result(cloudabi_errno_t error, size_t n) {
  if (error != 0) {
    errno = error == ENOTCAPABLE ? EBADF : error;
    return -1;
  }
  return (ssize_t)n;
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt) {
  if (check(iovcnt) != 0) return -1;
  size_t n;
  return result(
      cloudabi_sys_fd_read((cloudabi_fd_t)fd, (const cloudabi_iovec_t *)iov, (size_t)iovcnt, &n),
      n);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt) {
  if (check(iovcnt) != 0) return -1;
  size_t n;
  return result(
      cloudabi_sys_fd_write((cloudabi_fd_t)fd, (const cloudabi_ciovec_t *)iov, (size_t)iovcnt, &n),
      n);
}

ssize_t preadv(int fd, const struct iovec *iov, int iovcnt, off_t offset) {
  if (check(iovcnt) != 0) return -1;
  if (offset < 0) {
    errno = EINVAL;
    return -1;
  }
  size_t n;
  return result(cloudabi_sys_fd_pread((cloudabi_fd_t)fd, (const cloudabi_iovec_t *)iov,
                                      (size_t)iovcnt, (cloudabi_filesize_t)offset, &n),
                n);
}

ssize_t pwritev(int fd, const struct iovec *iov, int iovcnt, off_t offset) {
  if (check(iovcnt) != 0) return -1;
  if (offset < 0) {
    errno = EINVAL;
    return -1;
  }
  size_t n;
  return result(cloudabi_sys_fd_pwrite((cloudabi_fd_t)fd, (const cloudabi_ciovec_t *)iov,
                                       (size_t)iovcnt, (cloudabi_filesize_t)offset, &n),
                n);
}
