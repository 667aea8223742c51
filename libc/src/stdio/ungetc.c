#include "stdio_impl.h"

// Up to UNGET bytes can be pushed back in front of the buffered data.
int ungetc(int c, FILE *f) {
  if (c == EOF) return EOF;
  libc_lock(&f->lock);
  int result = EOF;
  if (__stream_to_read(f) == 0 && f->rpos > f->buf - UNGET) {
    *--f->rpos = (unsigned char)c;
    f->flags &= ~F_EOF;
    result = (unsigned char)c;
  }
  libc_unlock(&f->lock);
  return result;
}
