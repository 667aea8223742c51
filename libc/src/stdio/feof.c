#include <errno.h>

#include "stdio_impl.h"

int feof(FILE *f) {
  libc_lock(&f->lock);
  int r = (f->flags & F_EOF) != 0;
  libc_unlock(&f->lock);
  return r;
}

int ferror(FILE *f) {
  libc_lock(&f->lock);
  int r = (f->flags & F_ERR) != 0;
  libc_unlock(&f->lock);
  return r;
}

void clearerr(FILE *f) {
  libc_lock(&f->lock);
  f->flags &= ~(F_EOF | F_ERR);
  libc_unlock(&f->lock);
}

int fileno(FILE *f) {
  libc_lock(&f->lock);
  int fd = f->fd;
  libc_unlock(&f->lock);
  if (fd < 0) errno = EBADF;
  return fd;
}
