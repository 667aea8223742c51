#include <wchar.h>

#define STRTOFLOAT_NAME parse
#define STRTOFLOAT_CHAR wchar_t
#include "strtofloat.h"

float wcstof(const wchar_t *restrict s, wchar_t **restrict end) {
  return (float)parse(s, end, FORMAT_FLOAT);
}

double wcstod(const wchar_t *restrict s, wchar_t **restrict end) {
  return (double)parse(s, end, FORMAT_DOUBLE);
}

long double wcstold(const wchar_t *restrict s, wchar_t **restrict end) {
  return parse(s, end, FORMAT_LDOUBLE);
}

float wcstof_l(const wchar_t *restrict s, wchar_t **restrict end, locale_t locale) {
  (void)locale;
  return (float)parse(s, end, FORMAT_FLOAT);
}

double wcstod_l(const wchar_t *restrict s, wchar_t **restrict end, locale_t locale) {
  (void)locale;
  return (double)parse(s, end, FORMAT_DOUBLE);
}

long double wcstold_l(const wchar_t *restrict s, wchar_t **restrict end, locale_t locale) {
  (void)locale;
  return parse(s, end, FORMAT_LDOUBLE);
}
