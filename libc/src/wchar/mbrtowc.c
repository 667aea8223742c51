#include <wchar.h>

#include "locale_impl.h"

size_t mbrtowc_l(wchar_t *restrict pwc, const char *restrict s, size_t n, mbstate_t *restrict ps,
                 locale_t locale) {
  static _Thread_local mbstate_t internal;
  if (ps == NULL) ps = &internal;
  if (s == NULL) {
    s = "";
    n = 1;
    pwc = NULL;
  }
  char32_t c;
  size_t r = __mbrtoc32(__locale_charset(locale), &c, s, n, ps);
  if (r <= 4 && pwc != NULL) *pwc = (wchar_t)c;
  return r;
}

size_t mbrtowc(wchar_t *restrict pwc, const char *restrict s, size_t n, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return mbrtowc_l(pwc, s, n, ps != NULL ? ps : &internal, LC_C_LOCALE);
}
