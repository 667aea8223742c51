#include <time.h>
#include <wchar.h>

#define STRPTIME_NAME parse
#define STRPTIME_CHAR wchar_t
#include "strptime.h"

// Every supported locale uses the C locale's names and formats.
wchar_t *wcsptime(const wchar_t *restrict s, const wchar_t *restrict format,
                  struct tm *restrict tm) {
  return parse(s, format, tm);
}

wchar_t *wcsptime_l(const wchar_t *restrict s, const wchar_t *restrict format,
                    struct tm *restrict tm, locale_t locale) {
  (void)locale;
  return parse(s, format, tm);
}
