#include <ctype.h>

// The C locale's character set is ASCII; in UTF-8 locales every byte above
// 0x7f is part of a multibyte sequence. Either way only ASCII is classified.
int isblank(int c) { return c == ' ' || c == '\t'; }

int isblank_l(int c, locale_t locale) {
  (void)locale;
  return isblank(c);
}
