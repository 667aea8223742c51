#include <cloudabi_syscalls.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "dirent_impl.h"

DIR *fdopendir(int fd) {
  cloudabi_fdstat_t fds;
  cloudabi_errno_t error = cloudabi_sys_fd_stat_get((cloudabi_fd_t)fd, &fds);
  if (error != 0) {
    errno = error;
    return NULL;
  }
  if (fds.fs_filetype != CLOUDABI_FILETYPE_DIRECTORY) {
    errno = ENOTDIR;
    return NULL;
  }
  DIR *d = calloc(1, sizeof(*d));
  if (d == NULL) return NULL;
  d->fd = fd;
  d->cookie = CLOUDABI_DIRCOOKIE_START;
  return d;
}

DIR *opendirat(int dirfd, const char *path) {
  int fd = openat(dirfd, path, O_RDONLY | O_DIRECTORY);
  if (fd < 0) return NULL;
  DIR *d = fdopendir(fd);
  if (d == NULL) {
    int saved = errno;
    close(fd);
    errno = saved;
  }
  return d;
}

int fdclosedir(DIR *d) {
  int fd = d->fd;
  free(d->buf);
  free(d->entry);
  free(d);
  return fd;
}

int closedir(DIR *d) { return close(fdclosedir(d)); }

int dirfd(DIR *d) { return d->fd; }
