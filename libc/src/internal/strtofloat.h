// The parser behind strtod() and wcstod() and their float and long double
// variants. Include with STRTOFLOAT_NAME (the function to define) and
// STRTOFLOAT_CHAR (char or wchar_t) defined.
//
// Decimal input is converted exactly: the significant digits form a big
// integer N and the value is N * 10^e = N * 5^e * 2^e. With D = 5^-e (or N
// scaled by 5^e), the quotient of N * 2^s / D is taken with a few bits more than the target
// precision plus a sticky bit for the remainder, and rounded once. At most
// MAX_DIGITS significant digits are kept; any nonzero digit beyond them only
// sets the sticky bit, which is exact because no halfway point between two
// long doubles has that many significant digits.
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bigint.h"
#include "floatconv.h"

#ifndef STRTOFLOAT_COMMON
#define STRTOFLOAT_COMMON
#define MAX_DIGITS 12000

static inline bool strtofloat_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline uint32_t strtofloat_lower(uint32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static inline int strtofloat_hex(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  c = strtofloat_lower(c);
  if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
  return -1;
}

static const struct {
  int precision;
  long max10, min10;  // decimal exponents beyond which the result is inf / 0
} strtofloat_formats[] = {
    [FORMAT_FLOAT] = {24, 39, -46},
    [FORMAT_DOUBLE] = {53, 309, -324},
    [FORMAT_LDOUBLE] = {64, 4933, -4951},
};

// Powers of ten that doubles (up to 10^22) and floats (up to 10^10) hold
// exactly.
static const double strtofloat_pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                          1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                          1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Clinger's fast path: when the digits n and the power of ten are both
// exact in the format, one multiplication or division in that format
// rounds correctly. Returns false when the input needs the exact path.
static bool strtofloat_fast(uint64_t n, long ndigits, long dexp, enum float_format format,
                            long double *result) {
  if (format == FORMAT_DOUBLE && ndigits <= 15 && dexp >= -22 && dexp <= 22 + (15 - ndigits)) {
    double v = (double)n;  // n < 10^15 < 2^53: exact
    if (dexp < 0) {
      v /= strtofloat_pow10[-dexp];
    } else if (dexp > 22) {
      v *= strtofloat_pow10[dexp - 22];  // still an exact integer below 10^15
      v *= 1e22;
    } else {
      v *= strtofloat_pow10[dexp];
    }
    *result = v;
    return true;
  }
  if (format == FORMAT_FLOAT && ndigits <= 7 && dexp >= -10 && dexp <= 10) {
    float v = (float)n;  // n < 10^7 < 2^24: exact
    if (dexp < 0)
      v /= (float)strtofloat_pow10[-dexp];
    else
      v *= (float)strtofloat_pow10[dexp];
    *result = v;
    return true;
  }
  return false;
}

// The next path: up to 19 digits (n < 2^64) times a power of ten up to
// 10^19 (< 2^64) is exact in 128 bits; divided by one, the quotient of n
// shifted to the top of 128 bits has at least 63 bits, enough for float and
// double, and the remainder gives the sticky bit. Returns false when the
// input needs the big-integer path.
static const uint64_t strtofloat_pow10_u64[] = {1u,
                                                10u,
                                                100u,
                                                1000u,
                                                10000u,
                                                100000u,
                                                1000000u,
                                                10000000u,
                                                100000000u,
                                                1000000000u,
                                                10000000000u,
                                                100000000000u,
                                                1000000000000u,
                                                10000000000000u,
                                                100000000000000u,
                                                1000000000000000u,
                                                10000000000000000u,
                                                100000000000000000u,
                                                1000000000000000000u,
                                                10000000000000000000u};

static bool strtofloat_int128(uint64_t n, long ndigits, long dexp, bool negative,
                              enum float_format format, long double *result, bool *range_error) {
  if (ndigits > 19 || format == FORMAT_LDOUBLE || dexp < -19 || dexp > 19) return false;
  if (dexp >= 0) {
    unsigned __int128 q = (unsigned __int128)n * strtofloat_pow10_u64[dexp];
    *result = __float_round(q, 0, false, negative, format, range_error);
  } else {
    int shift = 64 + __builtin_clzll(n);  // n > 0
    unsigned __int128 top = (unsigned __int128)n << shift, d = strtofloat_pow10_u64[-dexp];
    *result = __float_round(top / d, -shift, top % d != 0, negative, format, range_error);
  }
  return true;
}

static long double strtofloat_nan(bool negative) {
  long double v = __builtin_nanl("");
  return negative ? -v : v;
}
#endif

static long double STRTOFLOAT_NAME(const STRTOFLOAT_CHAR *s, STRTOFLOAT_CHAR **end,
                                   enum float_format format) {
  const STRTOFLOAT_CHAR *p = s;
  while (strtofloat_space((uint32_t)*p)) ++p;
  bool negative = false;
  if (*p == '-' || *p == '+') negative = *p++ == '-';

  // Infinity and NaN.
  if (strtofloat_lower((uint32_t)p[0]) == 'i' && strtofloat_lower((uint32_t)p[1]) == 'n' &&
      strtofloat_lower((uint32_t)p[2]) == 'f') {
    p += 3;
    static const char rest[] = "inity";
    size_t i = 0;
    while (i < 5 && strtofloat_lower((uint32_t)p[i]) == (uint32_t)rest[i]) ++i;
    if (i == 5) p += 5;
    if (end != NULL) *end = (STRTOFLOAT_CHAR *)p;
    return negative ? -__builtin_huge_vall() : __builtin_huge_vall();
  }
  if (strtofloat_lower((uint32_t)p[0]) == 'n' && strtofloat_lower((uint32_t)p[1]) == 'a' &&
      strtofloat_lower((uint32_t)p[2]) == 'n') {
    p += 3;
    if (*p == '(') {
      const STRTOFLOAT_CHAR *q = p + 1;
      while ((*q >= '0' && *q <= '9') ||
             (strtofloat_lower((uint32_t)*q) >= 'a' && strtofloat_lower((uint32_t)*q) <= 'z') ||
             *q == '_')
        ++q;
      if (*q == ')') p = q + 1;
    }
    if (end != NULL) *end = (STRTOFLOAT_CHAR *)p;
    return strtofloat_nan(negative);
  }

  bool range_error = false;
  long double result;
  if (p[0] == '0' && strtofloat_lower((uint32_t)p[1]) == 'x' &&
      (strtofloat_hex((uint32_t)p[2]) >= 0 ||
       (p[2] == '.' && strtofloat_hex((uint32_t)p[3]) >= 0))) {
    // Hexadecimal: up to 30 digits go into q, the rest into the sticky bit.
    p += 2;
    unsigned __int128 q = 0;
    long bexp = 0;
    bool sticky = false;
    int d;
    for (; (d = strtofloat_hex((uint32_t)*p)) >= 0; ++p) {
      if ((q >> 116) == 0) {
        q = q << 4 | (unsigned)d;
      } else {
        sticky |= d != 0;
        bexp += 4;
      }
    }
    if (*p == '.') {
      for (++p; (d = strtofloat_hex((uint32_t)*p)) >= 0; ++p) {
        if ((q >> 116) == 0) {
          q = q << 4 | (unsigned)d;
          bexp -= 4;
        } else {
          sticky |= d != 0;
        }
      }
    }
    if (strtofloat_lower((uint32_t)*p) == 'p') {
      const STRTOFLOAT_CHAR *e = p + 1;
      bool eneg = false;
      if (*e == '-' || *e == '+') eneg = *e++ == '-';
      if (*e >= '0' && *e <= '9') {
        long value = 0;
        for (; *e >= '0' && *e <= '9'; ++e)
          if (value < 100000000) value = value * 10 + (*e - '0');
        bexp += eneg ? -value : value;
        p = e;
      }
    }
    if (end != NULL) *end = (STRTOFLOAT_CHAR *)p;
    if (q == 0) return negative ? -0.0L : 0.0L;
    result = __float_round(q, bexp, sticky, negative, format, &range_error);
  } else {
    // Decimal. Digits are gathered nine at a time into a word and then
    // into N; leading zeros are not significant.
    bigint_t n;
    __bigint_set(&n, 0);
    long ndigits = 0, dexp = 0;
    bool sticky = false, any = false;
    uint32_t chunk = 0;
    int chunk_digits = 0;
    uint64_t small = 0;  // the first 19 significant digits, for the fast path
    bool fraction = false;
    for (;; ++p) {
      if (*p == '.' && !fraction) {
        fraction = true;
        continue;
      }
      if (*p < '0' || *p > '9') break;
      any = true;
      unsigned digit = (unsigned)(*p - '0');
      if (ndigits == 0 && digit == 0) {
        if (fraction) --dexp;
      } else if (ndigits < MAX_DIGITS) {
        chunk = chunk * 10 + digit;
        if (ndigits < 19) small = small * 10 + digit;
        ++ndigits;
        if (fraction) --dexp;
        if (++chunk_digits == 9) {
          __bigint_muladd_small(&n, 1000000000, chunk);
          chunk = 0;
          chunk_digits = 0;
        }
      } else {
        sticky |= digit != 0;
        if (!fraction) ++dexp;
      }
    }
    if (!any) {
      if (end != NULL) *end = (STRTOFLOAT_CHAR *)s;
      return 0.0L;
    }
    if (chunk_digits > 0) {
      static const uint32_t powers[9] = {1,      10,      100,      1000,     10000,
                                         100000, 1000000, 10000000, 100000000};
      __bigint_muladd_small(&n, powers[chunk_digits], chunk);
    }
    if (strtofloat_lower((uint32_t)*p) == 'e') {
      const STRTOFLOAT_CHAR *e = p + 1;
      bool eneg = false;
      if (*e == '-' || *e == '+') eneg = *e++ == '-';
      if (*e >= '0' && *e <= '9') {
        long value = 0;
        for (; *e >= '0' && *e <= '9'; ++e)
          if (value < 100000000) value = value * 10 + (*e - '0');
        dexp += eneg ? -value : value;
        p = e;
      }
    }
    if (end != NULL) *end = (STRTOFLOAT_CHAR *)p;
    if (ndigits == 0) return negative ? -0.0L : 0.0L;
    if (!sticky && strtofloat_fast(small, ndigits, dexp, format, &result))
      return negative ? -result : result;
    if (!sticky && strtofloat_int128(small, ndigits, dexp, negative, format, &result, &range_error))
      goto done;

    // The value lies in [10^(ndigits+dexp-1), 10^(ndigits+dexp)).
    long magnitude = ndigits + dexp;
    if (magnitude - 1 >= strtofloat_formats[format].max10) {
      errno = ERANGE;
      return negative ? -__builtin_huge_vall() : __builtin_huge_vall();
    }
    if (magnitude <= strtofloat_formats[format].min10) {
      errno = ERANGE;
      return negative ? -0.0L : 0.0L;
    }
    // value = n * 10^dexp = n * 5^dexp * 2^dexp: the powers of two are
    // kept apart, as the exponent of the quotient.
    bigint_t d;
    __bigint_set(&d, 1);
    if (dexp >= 0)
      __bigint_mul_pow5(&n, (unsigned)dexp);
    else
      __bigint_mul_pow5(&d, (unsigned)-dexp);
    // Scale so that the quotient has precision + 3 or + 4 bits.
    long shift = (strtofloat_formats[format].precision + 3) -
                 ((long)__bigint_bitlen(&n) - (long)__bigint_bitlen(&d) - 1);
    if (shift > 0)
      __bigint_shl(&n, (unsigned)shift);
    else
      __bigint_shl(&d, (unsigned)-shift);
    bool remainder;
    unsigned __int128 q = __bigint_div128(&n, &d, &remainder);
    result = __float_round(q, dexp - shift, sticky || remainder, negative, format, &range_error);
  }
done:
  if (range_error) errno = ERANGE;
  return result;
}
