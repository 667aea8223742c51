// The wide printf functions run the byte-oriented engine on UTF-8: the
// format is converted to UTF-8, formatted with the UTF-8 locale (so that %lc
// and %ls carry any character), and the result decoded again. The wide
// characters are then written to the destination.
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "locale_impl.h"
#include "stdio_impl.h"
#include "wide_impl.h"

// Formats into a newly allocated wide string; returns its length or -1.
static int format_wide(wchar_t **out, const wchar_t *fmt, va_list ap) {
  char *mfmt = __wcs_to_utf8(fmt);
  if (mfmt == NULL) return -1;
  char *text;
  va_list copy;
  va_copy(copy, ap);
  int n = vasprintf_l(&text, LC_C_UNICODE_LOCALE, mfmt, copy);
  va_end(copy);
  free(mfmt);
  if (n < 0) return -1;
  size_t count = __utf8_to_wcs(NULL, 0, text, (size_t)n);
  wchar_t *ws = count == (size_t)-1 ? NULL : reallocarray(NULL, count + 1, sizeof(wchar_t));
  if (ws == NULL) {
    free(text);
    return -1;
  }
  __utf8_to_wcs(ws, count, text, (size_t)n);
  ws[count] = L'\0';
  free(text);
  if (count > INT_MAX) {
    free(ws);
    errno = EOVERFLOW;
    return -1;
  }
  *out = ws;
  return (int)count;
}

int vaswprintf_l(wchar_t **s, locale_t locale, const wchar_t *fmt, va_list ap) {
  (void)locale;  // Numbers are written the same way in every supported locale.
  return format_wide(s, fmt, ap);
}

int vaswprintf(wchar_t **s, const wchar_t *fmt, va_list ap) { return format_wide(s, fmt, ap); }

int aswprintf(wchar_t **s, const wchar_t *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = format_wide(s, fmt, ap);
  va_end(ap);
  return r;
}

int aswprintf_l(wchar_t **s, locale_t locale, const wchar_t *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vaswprintf_l(s, locale, fmt, ap);
  va_end(ap);
  return r;
}

// Fails (-1) when n or more wide characters would be needed.
int vswprintf_l(wchar_t *restrict s, size_t n, locale_t locale, const wchar_t *restrict fmt,
                va_list ap) {
  (void)locale;
  wchar_t *ws;
  int len = format_wide(&ws, fmt, ap);
  if (len < 0) return -1;
  if ((size_t)len >= n) {
    if (n > 0) {
      wmemcpy(s, ws, n - 1);
      s[n - 1] = L'\0';
    }
    free(ws);
    errno = EOVERFLOW;
    return -1;
  }
  wmemcpy(s, ws, (size_t)len + 1);
  free(ws);
  return len;
}

int vswprintf(wchar_t *restrict s, size_t n, const wchar_t *restrict fmt, va_list ap) {
  return vswprintf_l(s, n, LC_C_LOCALE, fmt, ap);
}

int swprintf(wchar_t *restrict s, size_t n, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vswprintf_l(s, n, LC_C_LOCALE, fmt, ap);
  va_end(ap);
  return r;
}

int swprintf_l(wchar_t *restrict s, size_t n, locale_t locale, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vswprintf_l(s, n, locale, fmt, ap);
  va_end(ap);
  return r;
}

int vfwprintf_l(FILE *restrict f, locale_t locale, const wchar_t *restrict fmt, va_list ap) {
  (void)locale;
  wchar_t *ws;
  int len = format_wide(&ws, fmt, ap);
  if (len < 0) return -1;
  int r = fputws(ws, f) == 0 ? len : -1;
  free(ws);
  return r;
}

int vfwprintf(FILE *restrict f, const wchar_t *restrict fmt, va_list ap) {
  return vfwprintf_l(f, f->locale, fmt, ap);
}

int fwprintf(FILE *restrict f, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfwprintf_l(f, f->locale, fmt, ap);
  va_end(ap);
  return r;
}

int fwprintf_l(FILE *restrict f, locale_t locale, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfwprintf_l(f, locale, fmt, ap);
  va_end(ap);
  return r;
}

// To a descriptor, encoded with the locale's character set.
int vdwprintf_l(int fd, locale_t locale, const wchar_t *restrict fmt, va_list ap) {
  wchar_t *ws;
  int len = format_wide(&ws, fmt, ap);
  if (len < 0) return -1;
  mbstate_t st = {0};
  const wchar_t *p = ws;
  size_t bytes = wcsrtombs_l(NULL, &p, 0, &st, locale);
  char *mb = bytes == (size_t)-1 ? NULL : malloc(bytes + 1);
  if (mb == NULL) {
    free(ws);
    return -1;
  }
  p = ws;
  wcsrtombs_l(mb, &p, bytes + 1, &st, locale);
  free(ws);
  int r = dprintf(fd, "%s", mb) < 0 ? -1 : len;
  free(mb);
  return r;
}

int vdwprintf(int fd, const wchar_t *restrict fmt, va_list ap) {
  return vdwprintf_l(fd, LC_C_LOCALE, fmt, ap);
}

int dwprintf(int fd, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vdwprintf_l(fd, LC_C_LOCALE, fmt, ap);
  va_end(ap);
  return r;
}

int dwprintf_l(int fd, locale_t locale, const wchar_t *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vdwprintf_l(fd, locale, fmt, ap);
  va_end(ap);
  return r;
}
