#include "ext_impl.h"

// ln Gamma(z) for z >= 20 by Stirling's series
//   ln Gamma(z) = (z - 1/2) ln z - z + ln(2 pi)/2 + sum_k B_2k / (2k (2k-1) z^(2k-1)),
// summed to k = 12: the first omitted term, B_26 / (26 * 25 z^25), is below
// 2^-94 for z >= 20. The large terms are carried as hi + lo (ln z from
// __math_log2_hilo, products by two_prod), so the result's absolute error is
// a few units of 2^-64 times its own size at most.
static void stirling(long double z, long double *hi, long double *lo) {
  long double l2h, l2l, lh, ll, ph, pl;
  __math_log2_hilo(z, &l2h, &l2l);
  two_prod(l2h, LN2_PAIR_HI, &lh, &ll);  // ln z = log2 z * ln 2
  ll += l2h * LN2_PAIR_LO + l2l * LN2_PAIR_HI;
  long double zm = z - 0.5L;  // exact for z >= 20
  two_prod(zm, lh, &ph, &pl);
  pl += zm * ll;
  long double w = 1 / (z * z), s = __stirling[12];
  for (int k = 11; k >= 1; k--) s = __stirling[k] + w * s;
  s /= z;
  long double s1, e1, s2, e2, s3, e3;
  two_sum(ph, -z, &s1, &e1);
  two_sum(s1, HALF_LN_2PI_HI, &s2, &e2);
  two_sum(s2, s, &s3, &e3);
  long double l = pl + e1 + e2 + e3 + HALF_LN_2PI_LO;
  *hi = s3 + l;
  *lo = l - (*hi - s3);
}

// sin(pi x) for finite x, exact reduction: r = x - 2 round(x/2) in [-1, 1],
// folded to [0, 1/2] by the symmetries of sin, then the kernels.
static long double sinpi(long double x) {
  long double h = x * 0.5L, n = truncl(h);
  if (h - n >= 0.5L) n += 1;
  if (h - n <= -0.5L) n -= 1;
  long double r = x - 2 * n;  // exact
  long double sign = r < 0 ? -1 : 1;
  long double a = fabsl(r);
  if (a > 0.5L) a = 1 - a;  // sin(pi a) = sin(pi (1 - a))
  long double v =
      a <= 0.25L ? __math_sin_kernel(a * PI_FULL) : __math_cos_kernel((0.5L - a) * PI_FULL);
  return sign * v;
}

// ln|Gamma(1 + t)| for |t| <= 1/2:
//   -gamma t + sum_{k>=2} (-1)^k zeta(k) t^k / k,
// and ln|Gamma(2 + t)| = (1 - gamma) t + sum_{k>=2} (-1)^k (zeta(k) - 1) t^k / k.
// The first omitted term (k = 80) is below 2^-86; a result near the zeros
// at 1 and 2 keeps full relative accuracy (the series start at t).
static long double lgamma1p(long double t, int at2) {
  if (t == 0) return 0;  // +0 at 1 and 2 (t * -gamma would be -0)
  long double s = 0;
  for (int k = 79; k >= 2; k--) {
    long double zk = __zeta_minus_1[k] + (at2 ? 0 : 1);
    s = ((k & 1) ? -zk : zk) * __inv_int[k] + t * s;
  }
  return t * ((at2 ? 1 - EULER_GAMMA : -EULER_GAMMA) + t * s);
}

// ln|Gamma(x)| for x > 0.
static long double lgamma_pos(long double x) {
  if (x < 0.5L) return lgamma1p(x, 0) - __math_log(x);  // Gamma(x) = Gamma(1 + x) / x
  if (x < 1.5L) return lgamma1p(x - 1, 0);
  if (x < 2.5L) return lgamma1p(x - 2, 1);
  if (x < 8) {  // down to [1.5, 2.5): Gamma(x) = Gamma(x - n) (x-1)...(x-n)
    long double p = 1;
    while (x >= 2.5L) {
      x -= 1;
      p *= x;
    }
    return lgamma1p(x - 2, 1) + __math_log(p);
  }
  if (x < 20) {  // up to [20, 21): Gamma(x) = Gamma(x + n) / (x (x+1) ... (x+n-1))
    long double p = 1;
    while (x < 20) {
      p *= x;
      x += 1;
    }
    long double hi, lo;
    stirling(x, &hi, &lo);
    return (hi - __math_log(p)) + lo;
  }
  long double hi, lo;
  stirling(x, &hi, &lo);
  return hi + lo;
}

long double __math_lgamma(long double x, int *sign) {
  *sign = 1;
  if (x > 0) return lgamma_pos(x);
  long double s = sinpi(x);  // Gamma(x) = pi / (sin(pi x) Gamma(1 - x))
  *sign = s < 0 ? -1 : 1;
  if (x > -0.5L) return lgamma1p(x, 0) - __math_log(-x);  // Gamma(1 + x) / x
  return __math_log(PI_FULL / fabsl(s)) - lgamma_pos(1 - x);
}

// Gamma(x) for x >= 20: e^(hi + lo) = e^hi (1 + lo), |lo| < 2^-60.
static long double gamma_large(long double x) {
  long double hi, lo;
  stirling(x, &hi, &lo);
  return __math_exp(hi) * (1 + lo);
}

long double __math_tgamma(long double x) {
  if (x >= 20) return gamma_large(x);
  if (x > -10) {  // Gamma(x) = Gamma(x + n) / (x (x+1) ... (x+n-1)), x + k exact
    long double p = 1;
    while (x < 20) {
      p *= x;
      x += 1;
    }
    return gamma_large(x) / p;
  }
  // Reflection: Gamma(x) = pi / (sin(pi x) Gamma(1 - x)); Gamma(1 - x) is
  // finite in the extended format up to 1 - x = 1755.
  long double s = sinpi(x);
  if (x < -1760) return (s < 0 ? -0x1p-16382L : 0x1p-16382L) * 0x1p-100L;  // underflows
  return PI_FULL / (s * gamma_large(1 - x));
}
