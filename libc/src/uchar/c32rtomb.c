#include <errno.h>
#include <uchar.h>

#include "locale_impl.h"

size_t c32rtomb_l(char *restrict s, char32_t c, mbstate_t *restrict ps, locale_t locale) {
  static _Thread_local mbstate_t internal;
  if (ps == NULL) ps = &internal;
  char buf[4];
  if (s == NULL) {
    s = buf;
    c = U'\0';
  }
  if (ps->__bytes != 0 || ps->__pending != 0) {
    *ps = (mbstate_t){0};
    errno = EINVAL;
    return (size_t)-1;
  }
  return __c32tomb(__locale_charset(locale), s, c);
}

size_t c32rtomb(char *restrict s, char32_t c, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return c32rtomb_l(s, c, ps != NULL ? ps : &internal, LC_C_LOCALE);
}
