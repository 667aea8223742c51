#include "ext_impl.h"

// ln(1 + f) for |f| small enough that s = f/(2 + f) has |s| <= 0.1716
// (1 + f in [sqrt(1/2), sqrt(2)]). With 2s = f - s*f,
//   ln(1 + f) = 2 atanh(s) = 2s + 2s^3/3 + 2s^5/5 + ...
//             = f - s*(f - 2*Q),  Q = s^2/3 + s^4/5 + ...
// f is exact and the correction s*(f - 2Q) is at most 0.19 |f|, so the
// result is accurate to about 1.3 units of 2^-64 relative. Q is summed to
// s^26/27: the first omitted term, 2 s^29/29 relative to 2s, is below 2^-70.
static long double log1p_small(long double f) {
  long double s = f / (2 + f);
  long double z = s * s;
  long double q = __inv_int[27];
  for (int k = 12; k >= 1; k--) q = __inv_int[2 * k + 1] + z * q;
  q *= z;
  return f - s * (f - 2 * q);
}

// y = 2^e * m with m in [sqrt(1/2), sqrt(2)).
static long double reduce(long double y, int *e) {
  long double m = frexpl(y, e);
  if (m < 0x1.6a09e667f3bcc908p-1L) {
    m *= 2;
    --*e;
  }
  return m;
}

long double __math_log(long double y) {
  int e;
  long double m = reduce(y, &e);
  long double lm = log1p_small(m - 1);  // m - 1 is exact
  return e * LN2_HI + (lm + e * LN2_LO);
}

long double __math_log2(long double y) {
  int e;
  long double m = reduce(y, &e);
  return e + log1p_small(m - 1) * LOG2E_HI;
}

long double __math_log10(long double y) {
  int e;
  long double m = reduce(y, &e);
  return e * LOG10_2 + log1p_small(m - 1) * LOG10E;
}

// ln(1 + x): directly while 1 + x is in [sqrt(1/2), sqrt(2)); otherwise
// ln(y) for y = 1 + x rounded, plus the first-order correction for that
// rounding, (x - (y - 1)) / y.
long double __math_log1p(long double x) {
  if (x > -0.2928932188134524L && x < 0.4142135623730950L) return log1p_small(x);
  long double y = 1 + x;
  long double c = (x - (y - 1)) / y;
  if (x > 0x1p62L) c = 0;  // y - 1 is y there; the correction is below 2^-62
  return __math_log(y) + c;
}

// log2 x = e + log2(m) for x = 2^e * m: with r ~ 1/m from a table of
// 11-bit values, t = m*r - 1 is formed exactly as t_hi + t_lo (two_prod;
// for a double x the product is exact by itself, 53 + 11 bits fitting in
// 64, and t_lo is 0; m*r - 1 is exact by Sterbenz's lemma), |t| < 2^-7, and
//   log2 m = -log2 r + ln(1 + t) * log2(e).
// -log2 r comes from the table as hi + lo; t_hi*log2(e) is formed exactly
// with two_prod; the remaining terms of ln(1 + t) are below t^2/2 < 2^-15 in
// size and summed to t^11/11 (the first omitted term, t^12/12, is below
// 2^-87), t_lo adds t_lo/(1 + t) ~ t_lo (1 - t). The sum is carried as
// hi + lo.
void __math_log2_hilo(long double x, long double *hi, long double *lo) {
  int e;
  long double m = frexpl(x, &e) * 2;  // [1, 2)
  e--;
  if (m * 128 >= 183) {
    m *= 0.5L;
    e++;
  }
  int j = (int)(m * 128) - LOG_TABLE_FIRST;
  long double p, t_lo;
  two_prod(m, __log_table_r[j], &p, &t_lo);
  long double t = p - 1;
  long double q = __inv_int[11];
  for (int k = 10; k >= 2; k--) q = ((k & 1) ? __inv_int[k] : -__inv_int[k]) + t * q;
  q *= t * t;  // ln(1 + t) - t
  q += t_lo * (1 - t);
  long double ph, pl;
  two_prod(t, LOG2E_HI, &ph, &pl);
  pl += t * LOG2E_LO + q * LOG2E_HI;
  long double s1, e1, s2, e2;
  two_sum((long double)e, __log_table_log2[j][0], &s1, &e1);
  two_sum(s1, ph, &s2, &e2);
  long double l = ((e1 + e2) + __log_table_log2[j][1]) + pl;
  *hi = s2 + l;
  *lo = l - (*hi - s2);
}
