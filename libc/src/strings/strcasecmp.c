#include <ctype.h>
#include <strings.h>

int strcasecmp(const char *a, const char *b) {
  const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
  for (;; ++x, ++y) {
    int c1 = tolower(*x), c2 = tolower(*y);
    if (c1 != c2 || c1 == '\0') return c1 - c2;
  }
}

int strcasecmp_l(const char *a, const char *b, locale_t locale) {
  (void)locale;  // Case mapping is ASCII's in every supported locale.
  return strcasecmp(a, b);
}
