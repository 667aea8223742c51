#include "stdio_impl.h"

size_t fread(void *restrict buf, size_t size, size_t n, FILE *restrict f) {
  if (size == 0 || n == 0) return 0;
  size_t len = size * n;
  if (len / size != n) len = (size_t)-1;  // reads stop long before that
  libc_lock(&f->lock);
  size_t done = __stream_read(f, buf, len);
  libc_unlock(&f->lock);
  return done / size;
}
