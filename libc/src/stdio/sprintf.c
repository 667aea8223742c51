// The unsafe sprintf() and vsprintf(); stdio.h declares them only under
// _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS, bound to these reserved names.
#include <stdarg.h>
#include <stdint.h>

#include "stdio_impl.h"

int __sprintf(char *restrict, const char *restrict, ...);
int __vsprintf(char *restrict, const char *restrict, va_list);

int __vsprintf(char *restrict s, const char *restrict fmt, va_list ap) {
  return vsnprintf(s, SIZE_MAX / 2, fmt, ap);
}

int __sprintf(char *restrict s, const char *restrict fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf(s, SIZE_MAX / 2, fmt, ap);
  va_end(ap);
  return r;
}
