#include <cloudabi_syscalls.h>
#include <errno.h>
#include <stdlib.h>

#include "stdio_impl.h"

FILE *fdopen_l(int fd, const char *mode, locale_t locale) {
  int flags = __stream_parse_mode(mode, NULL);
  if (flags < 0) return NULL;
  // The descriptor must exist. Terminals are line buffered.
  cloudabi_fdstat_t fds;
  cloudabi_errno_t error = cloudabi_sys_fd_stat_get((cloudabi_fd_t)fd, &fds);
  if (error != 0) {
    errno = error;
    return NULL;
  }
  FILE *f = malloc(sizeof(*f));
  if (f == NULL) return NULL;
  __stream_init(f, &__stream_fd_ops, (unsigned int)flags, locale);
  f->fd = fd;
  if (fds.fs_filetype == CLOUDABI_FILETYPE_CHARACTER_DEVICE) f->buftype = _IOLBF;
  return f;
}

FILE *fdopen(int fd, const char *mode) { return fdopen_l(fd, mode, LC_C_LOCALE); }
