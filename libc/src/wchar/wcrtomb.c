#include <errno.h>
#include <wchar.h>

#include "locale_impl.h"

size_t wcrtomb_l(char *restrict s, wchar_t wc, mbstate_t *restrict ps, locale_t locale) {
  static _Thread_local mbstate_t internal;
  if (ps == NULL) ps = &internal;
  char buf[4];
  if (s == NULL) {
    s = buf;
    wc = L'\0';
  }
  // A sequence left incomplete by mbrtowc() cannot be continued here.
  if (ps->__bytes != 0) {
    *ps = (mbstate_t){0};
    errno = EINVAL;
    return (size_t)-1;
  }
  return __c32tomb(__locale_charset(locale), s, (char32_t)wc);
}

size_t wcrtomb(char *restrict s, wchar_t wc, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return wcrtomb_l(s, wc, ps != NULL ? ps : &internal, LC_C_LOCALE);
}
