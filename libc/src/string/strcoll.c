#include <string.h>

// Collation is by code point in every supported locale, which for both
// ASCII and UTF-8 is the order of the bytes.
int strcoll(const char *a, const char *b) { return strcmp(a, b); }

int strcoll_l(const char *a, const char *b, locale_t locale) {
  (void)locale;
  return strcmp(a, b);
}
