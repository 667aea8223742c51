// Turns the result of a strtoint parser into each integer type, with the
// clamping and ERANGE of strtol() and strtoul(). Define STRTOINT_PARSE to
// the parser, STRTOINT_CHAR to its character type and STRTOINT_PREFIX to the
// name prefix (str or wcs) before including.
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#define STRTOINT_CAT2(a, b) a##b
#define STRTOINT_CAT(a, b) STRTOINT_CAT2(a, b)

#define STRTOINT_SIGNED(suffix, type, min, max)                                        \
  type STRTOINT_CAT(STRTOINT_PREFIX, suffix)(const STRTOINT_CHAR *restrict s,          \
                                             STRTOINT_CHAR **restrict end, int base) { \
    bool negative, overflow;                                                           \
    uintmax_t v = STRTOINT_PARSE(s, end, base, &negative, &overflow);                  \
    uintmax_t limit = negative ? (uintmax_t)(max) + 1 : (uintmax_t)(max);              \
    if (overflow || v > limit) {                                                       \
      errno = ERANGE;                                                                  \
      return negative ? (min) : (max);                                                 \
    }                                                                                  \
    return negative ? (type)(0 - v) : (type)v;                                         \
  }

// As in C, a negated magnitude wraps around.
#define STRTOINT_UNSIGNED(suffix, type, max)                                           \
  type STRTOINT_CAT(STRTOINT_PREFIX, suffix)(const STRTOINT_CHAR *restrict s,          \
                                             STRTOINT_CHAR **restrict end, int base) { \
    bool negative, overflow;                                                           \
    uintmax_t v = STRTOINT_PARSE(s, end, base, &negative, &overflow);                  \
    if (overflow || v > (uintmax_t)(max)) {                                            \
      errno = ERANGE;                                                                  \
      return (max);                                                                    \
    }                                                                                  \
    return negative ? (type)(0 - v) : (type)v;                                         \
  }
