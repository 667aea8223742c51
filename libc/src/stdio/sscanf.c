#include <stdarg.h>

#include "stdio_impl.h"

int vsscanf_l(const char *restrict s, locale_t locale, const char *restrict fmt, va_list ap) {
  unsigned char buf[UNGET + 128];
  FILE f;
  __stream_string_reader_init(&f, s);
  f.bufbase = buf;
  f.buf = buf + UNGET;
  f.bufsize = sizeof(buf) - UNGET;
  return __vfscanf_unlocked(&f, locale, fmt, ap);
}

int vsscanf(const char *restrict s, const char *restrict fmt, va_list ap) {
  return vsscanf_l(s, LC_C_LOCALE, fmt, ap);
}

int sscanf(const char *restrict s, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsscanf_l(s, LC_C_LOCALE, fmt, ap);
  va_end(ap);
  return r;
}

int sscanf_l(const char *restrict s, locale_t locale, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsscanf_l(s, locale, fmt, ap);
  va_end(ap);
  return r;
}
