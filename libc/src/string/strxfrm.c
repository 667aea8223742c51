#include <string.h>

// Collation is by byte value (see strcoll), so the transformation is the
// identity.
size_t strxfrm(char *restrict dst, const char *restrict src, size_t size) {
  size_t len = strlen(src);
  if (len < size) memcpy(dst, src, len + 1);
  return len;
}

size_t strxfrm_l(char *restrict dst, const char *restrict src, size_t size, locale_t locale) {
  (void)locale;
  return strxfrm(dst, src, size);
}
