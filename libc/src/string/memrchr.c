#include <string.h>

void *memrchr(const void *s, int c, size_t n) {
  const unsigned char *p = (const unsigned char *)s + n;
  while (n-- > 0)
    if (*--p == (unsigned char)c) return (void *)p;
  return NULL;
}
