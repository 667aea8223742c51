#include <cloudabi_syscalls.h>
#include <errno.h>
#include <fcntl.h>

#include "stdio_impl.h"

FILE *fopenat_l(int dirfd, const char *path, const char *mode, locale_t locale) {
  int how;
  int flags = __stream_parse_mode(mode, &how);
  if (flags < 0) return NULL;
  int oflag = (flags & F_READ) && (flags & F_WRITE) ? O_RDWR
              : (flags & F_READ)                    ? O_RDONLY
                                                    : O_WRONLY;
  if ((how & 3) == 1) oflag |= O_CREAT | O_TRUNC;
  if ((how & 3) == 2) oflag |= O_CREAT | O_APPEND;
  if (how & 4) oflag |= O_EXCL;
  int fd = openat(dirfd, path, oflag);
  if (fd < 0) return NULL;
  FILE *f = fdopen_l(fd, mode, locale);
  if (f == NULL) {
    int saved = errno;
    cloudabi_sys_fd_close((cloudabi_fd_t)fd);
    errno = saved;
  }
  return f;
}

FILE *fopenat(int dirfd, const char *path, const char *mode) {
  return fopenat_l(dirfd, path, mode, LC_C_LOCALE);
}
