#include <ctype.h>

// The C locale's character set is ASCII; in UTF-8 locales every byte above
// 0x7f is part of a multibyte sequence. Either way only ASCII is classified.
int iscntrl(int c) { return (unsigned)c < 0x20 || c == 0x7f; }

int iscntrl_l(int c, locale_t locale) {
  (void)locale;
  return iscntrl(c);
}
