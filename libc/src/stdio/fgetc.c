#include "stdio_impl.h"

int getc_unlocked(FILE *f) { return stream_getc(f); }

int fgetc(FILE *f) {
  libc_lock(&f->lock);
  int c = stream_getc(f);
  libc_unlock(&f->lock);
  return c;
}

int getc(FILE *f) { return fgetc(f); }
