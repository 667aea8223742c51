#include <inttypes.h>
#include <stdlib.h>

#define STRTOINT_NAME parse
#define STRTOINT_CHAR char
#include "strtoint.h"

#define STRTOINT_PARSE parse
#define STRTOINT_PREFIX str
#include "strtoint_types.h"

STRTOINT_SIGNED(tol, long, LONG_MIN, LONG_MAX)
STRTOINT_SIGNED(toll, long long, LLONG_MIN, LLONG_MAX)
STRTOINT_SIGNED(toimax, intmax_t, INTMAX_MIN, INTMAX_MAX)
STRTOINT_UNSIGNED(toul, unsigned long, ULONG_MAX)
STRTOINT_UNSIGNED(toull, unsigned long long, ULLONG_MAX)
STRTOINT_UNSIGNED(toumax, uintmax_t, UINTMAX_MAX)

// Numbers are written the same way in every supported locale.
long strtol_l(const char *restrict s, char **restrict end, int base, locale_t locale) {
  (void)locale;
  return strtol(s, end, base);
}

long long strtoll_l(const char *restrict s, char **restrict end, int base, locale_t locale) {
  (void)locale;
  return strtoll(s, end, base);
}

unsigned long strtoul_l(const char *restrict s, char **restrict end, int base, locale_t locale) {
  (void)locale;
  return strtoul(s, end, base);
}

unsigned long long strtoull_l(const char *restrict s, char **restrict end, int base,
                              locale_t locale) {
  (void)locale;
  return strtoull(s, end, base);
}

intmax_t strtoimax_l(const char *restrict s, char **restrict end, int base, locale_t locale) {
  (void)locale;
  return strtoimax(s, end, base);
}

uintmax_t strtoumax_l(const char *restrict s, char **restrict end, int base, locale_t locale) {
  (void)locale;
  return strtoumax(s, end, base);
}

// atoi() and its siblings are strtol() in base 10.
int atoi(const char *s) { return (int)strtol(s, NULL, 10); }
long atol(const char *s) { return strtol(s, NULL, 10); }
long long atoll(const char *s) { return strtoll(s, NULL, 10); }
