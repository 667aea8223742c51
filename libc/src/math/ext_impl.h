// The computing core of the transcendental functions. It works in the x87
// extended format (64-bit significand): each float or double function
// evaluates its result there to a relative error of a few units in 2^-64,
// about 2^-11 of a double ulp, so that the final rounding to double (or
// float) is the only error that matters: at most 0.5 + 2^-10 ulp. The
// long double functions use the same code and are correspondingly less
// accurate; docs/libm.md lists the measured errors.
//
// The approximations are truncated Taylor series on small reduced
// arguments; each file states the bound of the first omitted term.
#ifndef LIBC_MATH_EXT_IMPL_H
#define LIBC_MATH_EXT_IMPL_H

#include "math_impl.h"
#include "tables.h"

// e^x, 2^x and e^x - 1 for |x| < 16500 (beyond that the result over- or
// underflows the extended format, which scalbnl handles).
long double __math_exp(long double x);
long double __math_exp2(long double x);
long double __math_expm1(long double x);
// e^x * 2^s without overflow in between.
long double __math_exp_scaled(long double x, int s);
// 2^(hi + lo) with |lo| <= 2^-60 |hi|, for pow.
long double __math_exp2_hilo(long double hi, long double lo);
// ln y, log2 y and log10 y for finite y > 0; ln(1 + x) for x > -1.
long double __math_log(long double y);
long double __math_log2(long double y);
long double __math_log10(long double y);
long double __math_log1p(long double x);
// log2 x = *hi + *lo for a finite x > 0, to about 2^-75 relative.
void __math_log2_hilo(long double x, long double *hi, long double *lo);
// x = n*pi/2 + r with |r| <= pi/4 (a little more in directed rounding
// modes); returns n mod 4. For the long double x of sinl and friends the
// reduction is equally exact but r carries only 64 bits.
int __math_rem_pio2(long double x, long double *r);
// sin r and cos r for |r| <= pi/4 + 2^-10.
long double __math_sin_kernel(long double r);
long double __math_cos_kernel(long double r);
// erf x for |x| < 1/2; erfc x for x >= 1/2 (erf_core.c).
long double __math_erf_small(long double x);
long double __math_erfc_large(long double x);
// ln|Gamma(x)| with the sign of Gamma(x) in *sign, and Gamma(x), for finite x
// that is not a pole (gamma_core.c).
long double __math_lgamma(long double x, int *sign);
long double __math_tgamma(long double x);

// atan2(y, x) by the x87 fpatan instruction, which handles every quadrant,
// signed zeros and infinities as C Annex F specifies, with an error below
// one unit in 2^-64 (Intel SDM vol. 1, 8.3.10).
static inline long double fpatan(long double y, long double x) {
  long double r;
  __asm__("fpatan" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
  return r;
}

// Error-free transformations in the extended format.
// a + b = *s + *e exactly (Knuth's two-sum).
static inline void two_sum(long double a, long double b, long double *s, long double *e) {
  long double sum = a + b;
  long double bb = sum - a;
  *s = sum;
  *e = (a - (sum - bb)) + (b - bb);
}

// a * b = *p + *e exactly (Dekker's product with Veltkamp's split into two
// 32-bit halves; no overflow in the ranges used here).
static inline void two_prod(long double a, long double b, long double *p, long double *e) {
  const long double split = 0x1p32L + 1;
  long double ca = a * split, cb = b * split;
  long double ah = ca - (ca - a), al = a - ah;
  long double bh = cb - (cb - b), bl = b - bh;
  long double prod = a * b;
  *p = prod;
  *e = ((ah * bh - prod) + ah * bl + al * bh) + al * bl;
}

#endif
