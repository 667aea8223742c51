#include <stdlib.h>
#include <wchar.h>

#include "locale_impl.h"

size_t wcstombs_l(char *restrict dst, const wchar_t *restrict src, size_t n, locale_t locale) {
  mbstate_t state = {0};
  const wchar_t *p = src;
  return wcsrtombs_l(dst, &p, n, &state, locale);
}

size_t wcstombs(char *restrict dst, const wchar_t *restrict src, size_t n) {
  return wcstombs_l(dst, src, n, LC_C_LOCALE);
}
