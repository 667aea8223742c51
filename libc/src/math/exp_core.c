#include "ext_impl.h"

// e^x = 2^(k/64) * e^r with k the integer nearest x*64/ln 2 and
// r = x - k*ln(2)/64, |r| <= ln(2)/128 (ln(2)/64 in directed rounding
// modes). k*LN2_64_HI is exact (a 40-bit constant times |k| < 2^21) and so is
// x minus it (the two are within a factor of two), so r's only errors are
// the rounding of its last subtraction and of k*LN2_64_LO.
//
// e^r - 1 is the Taylor polynomial of degree 9: the first omitted term,
// r^10/10!, is below 2^-82 for |r| <= ln(2)/64. 2^(j/64) comes from a
// table in two parts (hi + lo, 128 bits).
static long double expm1_poly(long double r) {
  const long double *c = __inv_factorial;
  long double p = c[9];
  for (int i = 8; i >= 2; i--) p = c[i] + r * p;
  return r + r * r * p;
}

// Splits x*64/ln 2 (or x*64 for exp2) into k and the rounding direction
// independent nearest integer.
static long nearest(long double t) { return (long)(t < 0 ? t - 0.5L : t + 0.5L); }

static long double scale(long k, long double p) {
  int j = (int)(k & 63);
  long double v = __exp2_table[j][0] + (__exp2_table[j][0] * p + __exp2_table[j][1]);
  return scalbnl(v, (int)(k >> 6));  // k >> 6 is floor(k / 64)
}

long double __math_exp(long double x) {
  if (x > 16500) x = 16500;  // the result overflows, not k below
  if (x < -16500) x = -16500;
  long k = nearest(x * INV_LN2_64);
  long double r = (x - k * LN2_64_HI) - k * LN2_64_LO;
  return scale(k, expm1_poly(r));
}

// e^x * 2^s, for results whose e^x alone would overflow (sinh, cosh).
long double __math_exp_scaled(long double x, int s) {
  if (x > 16500) x = 16500;
  long k = nearest(x * INV_LN2_64);
  long double r = (x - k * LN2_64_HI) - k * LN2_64_LO;
  return scale(k + 64L * s, expm1_poly(r));
}

long double __math_exp2(long double x) {
  if (x > 16500) x = 16500;
  if (x < -16500) x = -16500;
  long k = nearest(x * 64);
  long double r = (x - k / 64.0L) * LN2_FULL;  // the difference is exact
  return scale(k, expm1_poly(r));
}

long double __math_exp2_hilo(long double hi, long double lo) {
  long k = nearest(hi * 64);
  long double r = ((hi - k / 64.0L) + lo) * LN2_FULL;
  return scale(k, expm1_poly(r));
}

// e^x - 1: for |x| <= ln(2)/128 the polynomial itself. Otherwise
// 2^m * T - 1 + 2^m * (T*p + T_lo): while |x| < ln 2, 2^m * T lies within
// [0.5, 2] and subtracting 1 is exact, so no cancellation error arises.
long double __math_expm1(long double x) {
  if (x > -0x1.62e42fefa39efp-8L && x < 0x1.62e42fefa39efp-8L) return expm1_poly(x);
  if (x < -100) return -1.0L + 0x1p-200L;  // -1 rounded from above: inexact
  if (x > 64) return __math_exp(x);        // e^x - 1 is e^x to within 2^-92
  long k = nearest(x * INV_LN2_64);
  long double r = (x - k * LN2_64_HI) - k * LN2_64_LO;
  long double p = expm1_poly(r);
  int j = (int)(k & 63), m = (int)(k >> 6);
  long double t = scalbnl(__exp2_table[j][0], m);
  return (t - 1) + scalbnl(__exp2_table[j][0] * p + __exp2_table[j][1], m);
}
