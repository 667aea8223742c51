#include <string.h>

int strncmp(const char *a, const char *b, size_t n) {
  const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
  for (; n > 0; --n, ++x, ++y) {
    if (*x != *y) return *x - *y;
    if (*x == '\0') return 0;
  }
  return 0;
}
