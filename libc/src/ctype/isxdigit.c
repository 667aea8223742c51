#include <ctype.h>

// The C locale's character set is ASCII; in UTF-8 locales every byte above
// 0x7f is part of a multibyte sequence. Either way only ASCII is classified.
int isxdigit(int c) { return isdigit(c) || (unsigned)((c | 0x20) - 'a') < 6; }

int isxdigit_l(int c, locale_t locale) {
  (void)locale;
  return isxdigit(c);
}
