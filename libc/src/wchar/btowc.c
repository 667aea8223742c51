#include <wchar.h>

#include "locale_impl.h"

wint_t btowc_l(int c, locale_t locale) {
  // In both character sets exactly the bytes below 0x80 are characters.
  (void)locale;
  return c >= 0 && c < 0x80 ? (wint_t)c : WEOF;
}

wint_t btowc(int c) { return btowc_l(c, LC_C_LOCALE); }

int wctob_l(wint_t c, locale_t locale) {
  (void)locale;
  return c >= 0 && c < 0x80 ? (int)c : -1;
}

int wctob(wint_t c) { return wctob_l(c, LC_C_LOCALE); }
