#include <errno.h>

#include "stdio_impl.h"

size_t fwrite(const void *restrict buf, size_t size, size_t n, FILE *restrict f) {
  if (size == 0 || n == 0) return 0;
  size_t len = size * n;
  if (len / size != n) {
    errno = EOVERFLOW;
    return 0;
  }
  libc_lock(&f->lock);
  size_t done = __stream_write(f, buf, len);
  libc_unlock(&f->lock);
  return done / size;
}
