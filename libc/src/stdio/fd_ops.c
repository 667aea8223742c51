// Streams over descriptors.
#include <cloudabi_syscalls.h>
#include <errno.h>

#include "stdio_impl.h"

static ssize_t fd_read(FILE *f, void *buf, size_t len) {
  cloudabi_iovec_t iov = {.buf = buf, .buf_len = len};
  size_t n;
  cloudabi_errno_t error = cloudabi_sys_fd_read((cloudabi_fd_t)f->fd, &iov, 1, &n);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return (ssize_t)n;
}

static ssize_t fd_write(FILE *f, const void *buf, size_t len) {
  cloudabi_ciovec_t iov = {.buf = buf, .buf_len = len};
  size_t n;
  cloudabi_errno_t error = cloudabi_sys_fd_write((cloudabi_fd_t)f->fd, &iov, 1, &n);
  if (error != 0) {
    errno = error;
    return -1;
  }
  if (n == 0) {
    // Nothing written and no error: report it rather than retry forever.
    errno = EIO;
    return -1;
  }
  return (ssize_t)n;
}

static off_t fd_seek(FILE *f, off_t offset, int whence) {
  cloudabi_filesize_t pos;
  cloudabi_errno_t error =
      cloudabi_sys_fd_seek((cloudabi_fd_t)f->fd, offset, (cloudabi_whence_t)whence, &pos);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return (off_t)pos;
}

static int fd_close(FILE *f) {
  cloudabi_errno_t error = cloudabi_sys_fd_close((cloudabi_fd_t)f->fd);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}

const struct stream_ops __stream_fd_ops = {fd_read, fd_write, fd_seek, fd_close};
