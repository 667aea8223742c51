#include <errno.h>
#include <string.h>

#include "stdio_impl.h"

void perror_l(const char *s, locale_t locale) {
  const char *message = strerror_l(errno, locale);
  flockfile(stderr);
  if (s != NULL && *s != '\0') {
    fputs(s, stderr);
    fputs(": ", stderr);
  }
  fputs(message, stderr);
  fputc('\n', stderr);
  funlockfile(stderr);
}

void perror(const char *s) {
  int saved = errno;
  perror_l(s, LC_C_LOCALE);
  errno = saved;
}
