#include <errno.h>
#include <stdlib.h>

#include "stdio_impl.h"

// Allowed before the first operation on the stream. A caller-supplied
// buffer keeps UNGET bytes at its start for ungetc().
int setvbuf(FILE *restrict f, char *restrict buf, int type, size_t size) {
  if (type != _IOFBF && type != _IOLBF && type != _IONBF) {
    errno = EINVAL;
    return -1;
  }
  libc_lock(&f->lock);
  if (f->mode != MODE_NONE || f->buf != NULL) {
    // Changing only the mode of an idle, already buffered stream is fine.
    if (f->mode == MODE_NONE && buf == NULL && type != _IONBF && f->bufsize > 1) {
      f->buftype = type;
      libc_unlock(&f->lock);
      return 0;
    }
    libc_unlock(&f->lock);
    errno = EBUSY;
    return -1;
  }
  f->buftype = type;
  if (type != _IONBF && buf != NULL && size > 2 * UNGET) {
    f->bufbase = (unsigned char *)buf;
    f->buf = f->bufbase + UNGET;
    f->bufsize = size - UNGET;
  }
  libc_unlock(&f->lock);
  return 0;
}

void setbuf(FILE *restrict f, char *restrict buf) {
  setvbuf(f, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}
