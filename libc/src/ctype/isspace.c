#include <ctype.h>

// The C locale's character set is ASCII; in UTF-8 locales every byte above
// 0x7f is part of a multibyte sequence. Either way only ASCII is classified.
int isspace(int c) { return c == ' ' || (unsigned)(c - '\t') < 5; }

int isspace_l(int c, locale_t locale) {
  (void)locale;
  return isspace(c);
}
