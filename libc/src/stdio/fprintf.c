#include <stdarg.h>

#include "stdio_impl.h"

int vfprintf_l(FILE *restrict f, locale_t locale, const char *restrict fmt, va_list ap) {
  libc_lock(&f->lock);
  int r = __vfprintf_unlocked(f, locale, fmt, ap);
  libc_unlock(&f->lock);
  return r;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap) {
  return vfprintf_l(f, f->locale, fmt, ap);
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfprintf_l(f, f->locale, fmt, ap);
  va_end(ap);
  return r;
}

int fprintf_l(FILE *restrict f, locale_t locale, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfprintf_l(f, locale, fmt, ap);
  va_end(ap);
  return r;
}
