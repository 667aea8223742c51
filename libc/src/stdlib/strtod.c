#include <stdlib.h>

#define STRTOFLOAT_NAME parse
#define STRTOFLOAT_CHAR char
#include "strtofloat.h"

// The radix character is '.' in every supported locale.
float strtof(const char *restrict s, char **restrict end) {
  return (float)parse(s, end, FORMAT_FLOAT);
}

double strtod(const char *restrict s, char **restrict end) {
  return (double)parse(s, end, FORMAT_DOUBLE);
}

long double strtold(const char *restrict s, char **restrict end) {
  return parse(s, end, FORMAT_LDOUBLE);
}

float strtof_l(const char *restrict s, char **restrict end, locale_t locale) {
  (void)locale;
  return (float)parse(s, end, FORMAT_FLOAT);
}

double strtod_l(const char *restrict s, char **restrict end, locale_t locale) {
  (void)locale;
  return (double)parse(s, end, FORMAT_DOUBLE);
}

long double strtold_l(const char *restrict s, char **restrict end, locale_t locale) {
  (void)locale;
  return parse(s, end, FORMAT_LDOUBLE);
}

double atof(const char *s) { return strtod(s, NULL); }
