// The wide scanf functions run the byte-oriented engine: on a stream, with
// the format converted to UTF-8 and the stream's bytes decoded with its
// locale; on a wide string, with both converted to UTF-8. %n then counts
// bytes rather than wide characters where these differ.
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <wchar.h>

#include "locale_impl.h"
#include "stdio_impl.h"
#include "wide_impl.h"

int vfwscanf_l(FILE *restrict f, locale_t locale, const wchar_t *restrict fmt, va_list ap) {
  char *mfmt = __wcs_to_utf8(fmt);
  if (mfmt == NULL) return EOF;
  int r = vfscanf_l(f, locale, mfmt, ap);
  free(mfmt);
  return r;
}

int vfwscanf(FILE *restrict f, const wchar_t *restrict fmt, va_list ap) {
  return vfwscanf_l(f, f->locale, fmt, ap);
}

int fwscanf(FILE *restrict f, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfwscanf_l(f, f->locale, fmt, ap);
  va_end(ap);
  return r;
}

int fwscanf_l(FILE *restrict f, locale_t locale, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfwscanf_l(f, locale, fmt, ap);
  va_end(ap);
  return r;
}

int vswscanf_l(const wchar_t *restrict s, locale_t locale, const wchar_t *restrict fmt,
               va_list ap) {
  (void)locale;
  char *ms = __wcs_to_utf8(s), *mfmt = __wcs_to_utf8(fmt);
  int r = EOF;
  if (ms != NULL && mfmt != NULL) r = vsscanf_l(ms, LC_C_UNICODE_LOCALE, mfmt, ap);
  free(ms);
  free(mfmt);
  return r;
}

int vswscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, va_list ap) {
  return vswscanf_l(s, LC_C_LOCALE, fmt, ap);
}

int swscanf(const wchar_t *restrict s, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vswscanf_l(s, LC_C_LOCALE, fmt, ap);
  va_end(ap);
  return r;
}

int swscanf_l(const wchar_t *restrict s, locale_t locale, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vswscanf_l(s, locale, fmt, ap);
  va_end(ap);
  return r;
}
