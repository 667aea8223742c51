#include <uchar.h>

#include "locale_impl.h"

size_t mbrtoc32_l(char32_t *restrict pc, const char *restrict s, size_t n, mbstate_t *restrict ps,
                  locale_t locale) {
  static _Thread_local mbstate_t internal;
  if (ps == NULL) ps = &internal;
  if (s == NULL) {
    s = "";
    n = 1;
    pc = NULL;
  }
  return __mbrtoc32(__locale_charset(locale), pc, s, n, ps);
}

size_t mbrtoc32(char32_t *restrict pc, const char *restrict s, size_t n, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return mbrtoc32_l(pc, s, n, ps != NULL ? ps : &internal, LC_C_LOCALE);
}
