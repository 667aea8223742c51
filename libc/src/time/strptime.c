#include <time.h>

#define STRPTIME_NAME parse
#define STRPTIME_CHAR char
#include "strptime.h"

// Every supported locale uses the C locale's names and formats.
char *strptime(const char *restrict s, const char *restrict format, struct tm *restrict tm) {
  return parse(s, format, tm);
}

char *strptime_l(const char *restrict s, const char *restrict format, struct tm *restrict tm,
                 locale_t locale) {
  (void)locale;
  return parse(s, format, tm);
}
