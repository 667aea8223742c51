#include "float_decimal.h"

#include <stdbool.h>
#include <string.h>

#include "bigint.h"

size_t __float_decimal(uint64_t mantissa, int exponent, char *digits, int *point) {
  bigint_t b;
  __bigint_set(&b, mantissa);
  int scale = 0;
  if (exponent >= 0) {
    __bigint_shl(&b, (unsigned)exponent);
  } else {
    // m * 2^-k = m * 5^k * 10^-k.
    __bigint_mul_pow5(&b, (unsigned)-exponent);
    scale = exponent;
  }
  // Nine digits at a time, least significant first.
  uint32_t chunks[DECIMAL_DIGITS_MAX / 9 + 2];
  size_t nchunks = 0;
  while (!__bigint_is_zero(&b)) chunks[nchunks++] = __bigint_divmod_small(&b, 1000000000);
  size_t n = 0;
  char tmp[10];
  for (size_t i = nchunks; i-- > 0;) {
    uint32_t c = chunks[i];
    if (i == nchunks - 1) {
      size_t len = 0;
      do {
        tmp[len++] = (char)('0' + c % 10);
        c /= 10;
      } while (c != 0);
      while (len > 0) digits[n++] = tmp[--len];
    } else {
      for (int j = 8; j >= 0; --j) {
        digits[n + (size_t)j] = (char)('0' + c % 10);
        c /= 10;
      }
      n += 9;
    }
  }
  *point = (int)n + scale;
  while (n > 0 && digits[n - 1] == '0') --n;
  return n;
}

size_t __decimal_round(char *digits, size_t n, int *point, long keep) {
  if (keep >= (long)n) return n;
  bool up;
  if (keep < 0) {
    up = false;  // the first dropped digit is an implicit zero
  } else {
    char first = digits[keep];
    bool rest = (size_t)keep + 1 < n;  // trailing zeros were stripped
    bool odd = keep > 0 && ((digits[keep - 1] - '0') & 1) != 0;
    up = first > '5' || (first == '5' && (rest || odd));
  }
  if (keep <= 0) {
    if (!up) return 0;
    // One unit in the position just before the first digit.
    digits[0] = '1';
    *point -= (int)keep;
    *point += 1;
    return 1;
  }
  n = (size_t)keep;
  if (up) {
    size_t i = n;
    while (i > 0 && digits[i - 1] == '9') --i;
    if (i == 0) {
      digits[0] = '1';
      *point += 1;
      return 1;
    }
    ++digits[i - 1];
    n = i;
  }
  while (n > 0 && digits[n - 1] == '0') --n;
  return n;
}

int __float_decimal_point_estimate(uint64_t mantissa, int exponent) {
  // value is in [2^(bits-1), 2^bits); log10(2) rounded down a little.
  long bits = 64 - __builtin_clzll(mantissa) + exponent;
  long scaled = (bits - 1) * 30102999566L;
  long floor = scaled >= 0 ? scaled / 100000000000L : -((-scaled + 99999999999L) / 100000000000L);
  return (int)floor + 1;
}

static unsigned __int128 pow10_128(int n) {
  unsigned __int128 v = 1;
  while (n-- > 0) v *= 10;
  return v;
}

size_t __float_decimal_prefix(uint64_t mantissa, int exponent, char *digits, int *point,
                              long want) {
  if (want > 36) return __float_decimal(mantissa, exponent, digits, point);
  if (want < 1) want = 1;
  int count = (int)want + 1;  // digits to compute, with a guard digit
  int x = __float_decimal_point_estimate(mantissa, exponent);
  for (;;) {
    // q = floor(value / 10^t) with t = x - count.
    int t = x - count;
    bigint_t num, den;
    __bigint_set(&num, mantissa);
    __bigint_set(&den, 1);
    if (exponent >= 0)
      __bigint_shl(&num, (unsigned)exponent);
    else
      __bigint_shl(&den, (unsigned)-exponent);
    if (t >= 0)
      __bigint_mul_pow10(&den, (unsigned)t);
    else
      __bigint_mul_pow10(&num, (unsigned)-t);
    bool rest;
    unsigned __int128 q = __bigint_div128(&num, &den, &rest);
    if (q >= pow10_128(count)) {
      ++x;  // the estimate was one too low
      continue;
    }
    size_t n = (size_t)count;
    for (size_t i = n; i-- > 0;) {
      digits[i] = (char)('0' + (unsigned)(q % 10));
      q /= 10;
    }
    if (rest) digits[n++] = '1';
    *point = x;
    while (n > 0 && digits[n - 1] == '0') --n;
    return n;
  }
}
