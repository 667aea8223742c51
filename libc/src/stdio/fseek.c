#include <errno.h>
#include <limits.h>

#include "stdio_impl.h"

int fseeko(FILE *f, off_t offset, int whence) {
  libc_lock(&f->lock);
  int r = __stream_seek(f, offset, whence);
  libc_unlock(&f->lock);
  return r;
}

int fseek(FILE *f, long offset, int whence) { return fseeko(f, offset, whence); }

off_t ftello(FILE *f) {
  libc_lock(&f->lock);
  off_t pos = __stream_tell(f);
  libc_unlock(&f->lock);
  return pos;
}

long ftell(FILE *f) { return (long)ftello(f); }

void rewind(FILE *f) {
  libc_lock(&f->lock);
  __stream_seek(f, 0, SEEK_SET);
  f->flags &= ~F_ERR;
  libc_unlock(&f->lock);
}

int fgetpos(FILE *restrict f, fpos_t *restrict pos) {
  off_t offset = ftello(f);
  if (offset < 0) return -1;
  *pos = (fpos_t){.__offset = offset, .__mbstate = f->mbstate};
  return 0;
}

int fsetpos(FILE *f, const fpos_t *pos) {
  libc_lock(&f->lock);
  int r = __stream_seek(f, pos->__offset, SEEK_SET);
  if (r == 0) f->mbstate = pos->__mbstate;
  libc_unlock(&f->lock);
  return r;
}
