#include <stdlib.h>
#include <wchar.h>

#include "locale_impl.h"

size_t mbstowcs_l(wchar_t *restrict dst, const char *restrict src, size_t n, locale_t locale) {
  mbstate_t state = {0};
  const char *p = src;
  return mbsrtowcs_l(dst, &p, n, &state, locale);
}

size_t mbstowcs(wchar_t *restrict dst, const char *restrict src, size_t n) {
  return mbstowcs_l(dst, src, n, LC_C_LOCALE);
}
