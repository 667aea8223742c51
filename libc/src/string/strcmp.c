#include <string.h>

int strcmp(const char *a, const char *b) {
  const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
  while (*x != '\0' && *x == *y) {
    ++x;
    ++y;
  }
  return *x - *y;
}
