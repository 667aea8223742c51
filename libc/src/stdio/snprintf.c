#include <stdarg.h>

#include "stdio_impl.h"

int vsnprintf_l(char *restrict s, size_t n, locale_t locale, const char *restrict fmt, va_list ap) {
  unsigned char buf[UNGET + 256];
  FILE f;
  __stream_string_init(&f, buf, sizeof(buf), s, n);
  int r = __vfprintf_unlocked(&f, locale, fmt, ap);
  __stream_flush(&f);
  if (n > 0) s[f.memory.position] = '\0';
  return r;
}

int vsnprintf(char *restrict s, size_t n, const char *restrict fmt, va_list ap) {
  return vsnprintf_l(s, n, LC_C_LOCALE, fmt, ap);
}

int snprintf(char *restrict s, size_t n, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf_l(s, n, LC_C_LOCALE, fmt, ap);
  va_end(ap);
  return r;
}

int snprintf_l(char *restrict s, size_t n, locale_t locale, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf_l(s, n, locale, fmt, ap);
  va_end(ap);
  return r;
}
