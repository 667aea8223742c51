#include <stdarg.h>

#include "stdio_impl.h"

// Formats through a temporary stream over the descriptor; everything is
// written before returning.
int vdprintf_l(int fd, locale_t locale, const char *restrict fmt, va_list ap) {
  unsigned char buf[UNGET + BUFSIZ];
  FILE f = {0};
  f.ops = &__stream_fd_ops;
  f.fd = fd;
  f.flags = F_WRITE | F_STATIC;
  f.buftype = _IOFBF;
  f.bufbase = buf;
  f.buf = buf + UNGET;
  f.bufsize = BUFSIZ;
  f.locale = locale;
  int r = __vfprintf_unlocked(&f, locale, fmt, ap);
  if (__stream_flush(&f) != 0) r = -1;
  return r;
}

int vdprintf(int fd, const char *restrict fmt, va_list ap) {
  return vdprintf_l(fd, LC_C_LOCALE, fmt, ap);
}

int dprintf(int fd, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vdprintf_l(fd, LC_C_LOCALE, fmt, ap);
  va_end(ap);
  return r;
}

int dprintf_l(int fd, locale_t locale, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vdprintf_l(fd, locale, fmt, ap);
  va_end(ap);
  return r;
}
