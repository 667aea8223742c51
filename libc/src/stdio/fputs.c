#include <string.h>

#include "stdio_impl.h"

int fputs(const char *restrict s, FILE *restrict f) {
  size_t len = strlen(s);
  libc_lock(&f->lock);
  size_t done = __stream_write(f, s, len);
  libc_unlock(&f->lock);
  return done == len ? 0 : EOF;
}
