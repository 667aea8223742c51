#include <locale.h>
#include <stdlib.h>
#include <time.h>
#include <wchar.h>

#include "wide_impl.h"

// strftime() on the UTF-8 form of the format, decoded again.
size_t wcsftime_l(wchar_t *restrict s, size_t n, const wchar_t *restrict fmt,
                  const struct tm *restrict tm, locale_t locale) {
  char *mfmt = __wcs_to_utf8(fmt);
  if (mfmt == NULL || n == 0) {
    free(mfmt);
    return 0;
  }
  size_t room = n * 4 + 1;
  char *buf = malloc(room);
  size_t len = buf != NULL ? strftime_l(buf, room, mfmt, tm, locale) : 0;
  free(mfmt);
  size_t count = len > 0 ? __utf8_to_wcs(s, n, buf, len) : 0;
  free(buf);
  if (count == (size_t)-1 || count >= n || len == 0) {
    s[0] = L'\0';
    return 0;
  }
  s[count] = L'\0';
  return count;
}

size_t wcsftime(wchar_t *restrict s, size_t n, const wchar_t *restrict fmt,
                const struct tm *restrict tm) {
  return wcsftime_l(s, n, fmt, tm, LC_C_LOCALE);
}
