#include <wchar.h>

#include "locale_impl.h"

size_t mbrlen_l(const char *restrict s, size_t n, mbstate_t *restrict ps, locale_t locale) {
  static _Thread_local mbstate_t internal;
  return mbrtowc_l(NULL, s, n, ps != NULL ? ps : &internal, locale);
}

size_t mbrlen(const char *restrict s, size_t n, mbstate_t *restrict ps) {
  static _Thread_local mbstate_t internal;
  return mbrtowc_l(NULL, s, n, ps != NULL ? ps : &internal, LC_C_LOCALE);
}
