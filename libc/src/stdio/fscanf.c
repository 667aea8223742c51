#include <stdarg.h>

#include "stdio_impl.h"

int vfscanf_l(FILE *restrict f, locale_t locale, const char *restrict fmt, va_list ap) {
  libc_lock(&f->lock);
  int r = __vfscanf_unlocked(f, locale, fmt, ap);
  libc_unlock(&f->lock);
  return r;
}

int vfscanf(FILE *restrict f, const char *restrict fmt, va_list ap) {
  return vfscanf_l(f, f->locale, fmt, ap);
}

int fscanf(FILE *restrict f, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfscanf_l(f, f->locale, fmt, ap);
  va_end(ap);
  return r;
}

int fscanf_l(FILE *restrict f, locale_t locale, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vfscanf_l(f, locale, fmt, ap);
  va_end(ap);
  return r;
}
