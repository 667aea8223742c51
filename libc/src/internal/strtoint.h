// The parser behind strtol() and wcstol() and their siblings. Include with
// STRTOINT_NAME (the function to define) and STRTOINT_CHAR defined. The
// function returns the magnitude of the number, saturated at UINTMAX_MAX
// with *overflow set, and the sign in *negative. *end is left pointing at
// the first character not used, or at s when there is no number; an invalid
// base is EINVAL.
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#ifndef STRTOINT_COMMON
#define STRTOINT_COMMON
static inline int strtoint_digit(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  if (c >= 'a' && c <= 'z') return (int)(c - 'a' + 10);
  if (c >= 'A' && c <= 'Z') return (int)(c - 'A' + 10);
  return 99;
}
#endif

static uintmax_t STRTOINT_NAME(const STRTOINT_CHAR *s, STRTOINT_CHAR **end, int base,
                               bool *negative, bool *overflow) {
  *negative = false;
  *overflow = false;
  if (base < 0 || base == 1 || base > 36) {
    if (end != NULL) *end = (STRTOINT_CHAR *)s;
    errno = EINVAL;
    return 0;
  }
  const STRTOINT_CHAR *p = s;
  while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
  if (*p == '-' || *p == '+') *negative = *p++ == '-';
  // A "0x" prefix counts only if a hexadecimal digit follows it.
  if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
      strtoint_digit((uint32_t)p[2]) < 16) {
    p += 2;
    base = 16;
  } else if (base == 0) {
    base = p[0] == '0' ? 8 : 10;
  }
  uintmax_t value = 0;
  const STRTOINT_CHAR *digits = p;
  int d;
  for (; (d = strtoint_digit((uint32_t)*p)) < base; ++p) {
    if (value > (UINTMAX_MAX - (uintmax_t)d) / (uintmax_t)base) {
      *overflow = true;
      value = UINTMAX_MAX;
    } else if (!*overflow) {
      value = value * (uintmax_t)base + (uintmax_t)d;
    }
  }
  if (end != NULL) *end = (STRTOINT_CHAR *)(p == digits ? s : p);
  if (p == digits) *negative = false;
  return value;
}
