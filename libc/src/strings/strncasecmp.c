#include <ctype.h>
#include <strings.h>

int strncasecmp(const char *a, const char *b, size_t n) {
  const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
  for (; n > 0; --n, ++x, ++y) {
    int c1 = tolower(*x), c2 = tolower(*y);
    if (c1 != c2 || c1 == '\0') return c1 - c2;
  }
  return 0;
}

int strncasecmp_l(const char *a, const char *b, size_t n, locale_t locale) {
  (void)locale;  // Case mapping is ASCII's in every supported locale.
  return strncasecmp(a, b, n);
}
