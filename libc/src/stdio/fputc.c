#include "stdio_impl.h"

int putc_unlocked(int c, FILE *f) { return stream_putc(f, c); }

int fputc(int c, FILE *f) {
  libc_lock(&f->lock);
  int r = stream_putc(f, c);
  libc_unlock(&f->lock);
  return r;
}

int putc(int c, FILE *f) { return fputc(c, f); }
