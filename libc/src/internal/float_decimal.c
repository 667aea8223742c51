#include "float_decimal.h"

#include <stdbool.h>
#include <string.h>

#include "bigint.h"

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

size_t __float_decimal_prefix(uint64_t mantissa, int exponent, char *digits, int *point,
                              long want) {
  // Beyond this many digits every expansion is exact, so more are useless.
  if (want > DECIMAL_DIGITS_MAX - 40) want = DECIMAL_DIGITS_MAX - 40;
  if (want < 1) want = 1;
  long count = want + 1;  // digits to compute, with a guard digit
  int x = __float_decimal_point_estimate(mantissa, exponent);
  for (;;) {
    // q = floor(value / 10^t) with t = x - count.
    long t = x - count;
    bigint_t num, den, q;
    // value / 10^t = mantissa * 2^(exponent - t) / 5^t.
    __bigint_set(&num, mantissa);
    __bigint_set(&den, 1);
    if (t >= 0)
      __bigint_mul_pow5(&den, (unsigned)t);
    else
      __bigint_mul_pow5(&num, (unsigned)-t);
    long shift = exponent - t;
    if (shift >= 0)
      __bigint_shl(&num, (unsigned)shift);
    else
      __bigint_shl(&den, (unsigned)-shift);
    bool rest;
    __bigint_div(&num, &den, &q, &rest);
    // Nine digits at a time, least significant first.
    uint32_t chunks[DECIMAL_DIGITS_MAX / 9 + 2];
    size_t nchunks = 0;
    while (!__bigint_is_zero(&q)) chunks[nchunks++] = __bigint_divmod_small(&q, 1000000000);
    size_t n = 0;
    for (size_t i = nchunks; i-- > 0;) {
      uint32_t c = chunks[i];
      char tmp[9];
      int len = 0;
      if (i == nchunks - 1) {
        do {
          tmp[len++] = (char)('0' + c % 10);
          c /= 10;
        } while (c != 0);
      } else {
        for (; len < 9; c /= 10) tmp[len++] = (char)('0' + c % 10);
      }
      while (len > 0) digits[n++] = tmp[--len];
    }
    if ((long)n > count) {
      ++x;  // the estimate of the point was one too low
      continue;
    }
    if (rest) digits[n++] = '1';
    *point = x;
    while (n > 0 && digits[n - 1] == '0') --n;
    return n;
  }
}
