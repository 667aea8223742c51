#include "ext_impl.h"

// 0 for a non-integer, 1 for an odd integer, 2 for an even one.
static int integer_kind(long double y) {
  if (!isfinite(y) || truncl(y) != y) return 0;
  if (fabsl(y) >= 0x1p64L) return 2;  // every long double that large is even
  return fmodl(y, 2.0L) != 0 ? 1 : 2;
}

// As pow.c, in the x87 format: log2|x| as hi + lo (log_core.c), y times it
// exactly, then 2^(hi + lo). The result carries the exponential's extended
// rounding errors (a few ulps; docs/libm.md).
long double powl(long double x, long double y) {
  if (y == 0 || x == 1) return 1.0L;
  if (isnan(x) || isnan(y)) return x + y;
  int kind = integer_kind(y);
  if (x == 0) {
    int odd = kind == 1;
    if (y < 0) return odd ? 1 / x : 1 / fabsl(x);
    return odd ? x : 0.0L;
  }
  if (isinf(y)) {
    long double ax = fabsl(x);
    if (ax == 1) return 1.0L;
    return (ax < 1) == (y < 0) ? (long double)INFINITY : 0.0L;
  }
  if (isinf(x)) {
    int neg = x < 0 && kind == 1;
    long double inf = INFINITY;
    return (x > 0 || !neg) ? (y > 0 ? inf : 0.0L) : (y > 0 ? -inf : -0.0L);
  }
  int negate = 0;
  if (x < 0) {
    if (kind == 0) return (x - x) / (x - x);
    negate = kind == 1;
    x = -x;
  }
  long double hi, lo, zh, zl;
  __math_log2_hilo(x, &hi, &lo);
  two_prod(y, hi, &zh, &zl);
  zl += y * lo;
  const long double huge = 0x1p16383L, tiny = 0x1p-16382L;
  if (zh > 16400) return negate ? -huge * huge : huge * huge;
  if (zh < -16500) return negate ? -tiny * tiny : tiny * tiny;
  long double v = __math_exp2_hilo(zh, zl);
  return negate ? -v : v;
}
