#include <stdlib.h>

#include "locale_impl.h"

int wctomb_l(char *s, wchar_t wc, locale_t locale) {
  if (s == NULL) return 0;  // stateless encodings
  size_t r = __c32tomb(__locale_charset(locale), s, (char32_t)wc);
  return r == (size_t)-1 ? -1 : (int)r;
}

int wctomb(char *s, wchar_t wc) { return wctomb_l(s, wc, LC_C_LOCALE); }

size_t MB_CUR_MAX_L(locale_t locale) { return __locale_charset(locale) == CHARSET_UTF8 ? 4 : 1; }
