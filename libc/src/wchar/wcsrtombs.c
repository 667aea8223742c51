#include <errno.h>
#include <string.h>
#include <wchar.h>

#include "locale_impl.h"

size_t wcsnrtombs_l(char *restrict dst, const wchar_t **restrict src, size_t nwc, size_t len,
                    mbstate_t *restrict ps, locale_t locale) {
  (void)ps;  // Both character sets are stateless when encoding.
  int charset = __locale_charset(locale);
  const wchar_t *s = *src;
  size_t count = 0;
  for (; nwc > 0; ++s, --nwc) {
    char buf[4];
    wchar_t c = *s;
    size_t r = __c32tomb(charset, buf, (char32_t)c);
    if (r == (size_t)-1) {
      if (dst != NULL) *src = s;
      return (size_t)-1;
    }
    if (dst != NULL) {
      if (count + r > len) break;
      memcpy(dst + count, buf, r);
    }
    if (c == L'\0') {
      if (dst != NULL) *src = NULL;
      return count;
    }
    count += r;
  }
  if (dst != NULL) *src = s;
  return count;
}

size_t wcsnrtombs(char *restrict dst, const wchar_t **restrict src, size_t nwc, size_t len,
                  mbstate_t *restrict ps) {
  return wcsnrtombs_l(dst, src, nwc, len, ps, LC_C_LOCALE);
}

size_t wcsrtombs_l(char *restrict dst, const wchar_t **restrict src, size_t len,
                   mbstate_t *restrict ps, locale_t locale) {
  return wcsnrtombs_l(dst, src, (size_t)-1, len, ps, locale);
}

size_t wcsrtombs(char *restrict dst, const wchar_t **restrict src, size_t len,
                 mbstate_t *restrict ps) {
  return wcsnrtombs_l(dst, src, (size_t)-1, len, ps, LC_C_LOCALE);
}
