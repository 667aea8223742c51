#include "ext_impl.h"

// 0 for a non-integer, 1 for an odd integer, 2 for an even one.
static int integer_kind(double y) {
  if (!isfinite(y) || trunc(y) != y) return 0;
  if (fabs(y) >= 0x1p53) return 2;  // every double that large is even
  return fmod(y, 2.0) != 0 ? 1 : 2;
}

// x^y = 2^(y log2 x). log2|x| comes as hi + lo to about 2^-75 relative
// (log_core.c) and y times it is formed exactly (two_prod), so the exponent
// has an absolute error below 2^-64 even at its largest useful size (~1075);
// 2^(hi + lo) then adds a few units in 2^-64 relative (exp_core.c).
//
// The special cases are those of C Annex F (F.10.4.4).
double pow(double x, double y) {
  if (y == 0 || x == 1) return 1.0;  // even for NaN
  if (isnan(x) || isnan(y)) return x + y;
  int kind = integer_kind(y);
  if (x == 0) {
    int odd = kind == 1;
    if (y < 0)  // a pole: divide by zero
      return odd ? 1 / x : 1 / fabs(x);
    return odd ? x : 0.0;
  }
  if (isinf(y)) {
    double ax = fabs(x);
    if (ax == 1) return 1.0;  // (-1)^+-inf
    return (ax < 1) == (y < 0) ? INFINITY : 0.0;
  }
  if (isinf(x)) {
    int neg = x < 0 && kind == 1;
    double r = (x > 0 || !neg) ? (y > 0 ? INFINITY : 0.0) : (y > 0 ? -INFINITY : -0.0);
    return r;
  }
  int negate = 0;
  if (x < 0) {
    if (kind == 0) return (x - x) / (x - x);  // a negative base needs an integer y: invalid
    negate = kind == 1;
    x = -x;
  }
  long double hi, lo, zh, zl;
  __math_log2_hilo(x, &hi, &lo);
  two_prod(y, hi, &zh, &zl);
  zl += y * lo;
  // Beyond these the result over- or underflows whatever zl says; the
  // products round in the current mode with the right sign and flags.
  if (zh > 1100) return negate ? -0x1p1023 * 0x1p1023 : 0x1p1023 * 0x1p1023;
  if (zh < -1200) return negate ? -0x1p-1022 * 0x1p-1022 : 0x1p-1022 * 0x1p-1022;
  long double v = __math_exp2_hilo(zh, zl);
  return (double)(negate ? -v : v);  // negate first: directed rounding is signed
}
