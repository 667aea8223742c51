#include <wchar.h>

#include "locale_impl.h"

size_t mbsnrtowcs_l(wchar_t *restrict dst, const char **restrict src, size_t nms, size_t len,
                    mbstate_t *restrict ps, locale_t locale) {
  static _Thread_local mbstate_t internal;
  if (ps == NULL) ps = &internal;
  // Without a destination only the length is computed: neither *src nor
  // the caller's state change.
  mbstate_t scratch;
  if (dst == NULL) {
    scratch = *ps;
    ps = &scratch;
  }
  int charset = __locale_charset(locale);
  const char *s = *src;
  size_t count = 0;
  while (dst == NULL || count < len) {
    char32_t c;
    size_t r = __mbrtoc32(charset, &c, s, nms, ps);
    if (r == (size_t)-1) {
      if (dst != NULL) *src = s;
      return (size_t)-1;
    }
    if (r == (size_t)-2) {
      // The input ends inside a character, which the state now holds.
      s += nms;
      break;
    }
    if (dst != NULL) dst[count] = (wchar_t)c;
    if (r == 0) {
      if (dst != NULL) *src = NULL;
      return count;
    }
    s += r;
    nms -= r;
    ++count;
  }
  if (dst != NULL) *src = s;
  return count;
}

size_t mbsnrtowcs(wchar_t *restrict dst, const char **restrict src, size_t nms, size_t len,
                  mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return mbsnrtowcs_l(dst, src, nms, len, ps != NULL ? ps : &internal, LC_C_LOCALE);
}

size_t mbsrtowcs_l(wchar_t *restrict dst, const char **restrict src, size_t len,
                   mbstate_t *restrict ps, locale_t locale) {
  static _Thread_local mbstate_t internal;
  return mbsnrtowcs_l(dst, src, (size_t)-1, len, ps != NULL ? ps : &internal, locale);
}

size_t mbsrtowcs(wchar_t *restrict dst, const char **restrict src, size_t len,
                 mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return mbsnrtowcs_l(dst, src, (size_t)-1, len, ps != NULL ? ps : &internal, LC_C_LOCALE);
}
