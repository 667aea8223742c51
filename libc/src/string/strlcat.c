#include <string.h>

size_t strlcat(char *restrict dst, const char *restrict src, size_t size) {
  size_t used = strnlen(dst, size);
  // A destination without a terminator within size is left untouched.
  if (used == size) return size + strlen(src);
  return used + strlcpy(dst + used, src, size - used);
}
