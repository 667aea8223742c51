#include <string.h>

void *memccpy(void *restrict dst, const void *restrict src, int c, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  unsigned char stop = (unsigned char)c;
  for (; n > 0; --n) {
    if ((*d++ = *s++) == stop) return d;
  }
  return NULL;
}
