#include <stdarg.h>
#include <stdlib.h>

#include "stdio_impl.h"

int vasprintf_l(char **s, locale_t locale, const char *fmt, va_list ap) {
  char *buf;
  size_t size;
  FILE *f = open_memstream_l(&buf, &size, locale);
  if (f == NULL) return -1;
  int r = vfprintf_l(f, locale, fmt, ap);
  if (fclose(f) != 0) r = -1;
  if (r < 0) {
    free(buf);
    return -1;
  }
  *s = buf;
  return r;
}

int vasprintf(char **s, const char *fmt, va_list ap) {
  return vasprintf_l(s, LC_C_LOCALE, fmt, ap);
}

int asprintf(char **s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vasprintf_l(s, LC_C_LOCALE, fmt, ap);
  va_end(ap);
  return r;
}

int asprintf_l(char **s, locale_t locale, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vasprintf_l(s, locale, fmt, ap);
  va_end(ap);
  return r;
}
