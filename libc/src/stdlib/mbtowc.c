#include <errno.h>
#include <stdlib.h>

#include "locale_impl.h"

// Both character sets are stateless, so there is no state to keep between
// calls: an incomplete character is invalid.
int mbtowc_l(wchar_t *restrict pwc, const char *restrict s, size_t n, locale_t locale) {
  if (s == NULL) return 0;
  mbstate_t state = {0};
  char32_t c;
  size_t r = __mbrtoc32(__locale_charset(locale), &c, s, n, &state);
  if (r == (size_t)-2) {
    errno = EILSEQ;
    return -1;
  }
  if (r == (size_t)-1) return -1;
  if (pwc != NULL) *pwc = (wchar_t)c;
  return (int)r;
}

int mbtowc(wchar_t *restrict pwc, const char *restrict s, size_t n) {
  return mbtowc_l(pwc, s, n, LC_C_LOCALE);
}

int mblen_l(const char *s, size_t n, locale_t locale) { return mbtowc_l(NULL, s, n, locale); }

int mblen(const char *s, size_t n) { return mbtowc_l(NULL, s, n, LC_C_LOCALE); }
