#include "ext_impl.h"

// erf x for |x| < 1/2 by its Taylor series
//   erf x = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)),
// summed to n = 17: the first omitted term is below 4^-18/18! < 2^-87
// relative to x.
long double __math_erf_small(long double x) {
  long double z = x * x, term = 1, sum = 1;
  for (int n = 1; n <= 17; n++) {
    term *= -z / n;  // (-1)^n x^(2n) / n!
    sum += term * __inv_int[2 * n + 1];
  }
  return TWO_OVER_SQRTPI * x * sum;
}

// erfc x for 1/2 <= x < 28 by Taylor expansion about the nearest table point
// c = 1/2 + i/16 (|h| = |x - c| <= 1/32, exact):
//   erfc(c + h) = erfc c - D(c) sum_{n>=1} (-1)^(n-1) H_(n-1)(c) h^n / n!
// with D(c) = 2/sqrt(pi) e^(-c^2) and the Hermite polynomials H (from
// d^m/dx^m e^(-x^2) = (-1)^m H_m(x) e^(-x^2)), H_0 = 1, H_1 = 2c,
// H_(k+1) = 2c H_k - 2k H_(k-1). The terms shrink like (2ch)^n / n!, at most
// 1.75^n / n!; the loop stops below 2^-72 of erfc c. The result is at least
// e^(-2ch) ~ 0.17 erfc c, so the subtraction costs under 3 bits.
//
// Beyond 28 (only the long double functions get there) the asymptotic series
//   erfc x = e^(-x^2) / (x sqrt(pi)) * sum_n (-1)^n (2n-1)!! / (2x^2)^n
// is used; its terms fall below 2^-70 within 20 steps there.
long double __math_erfc_large(long double x) {
  if (x < 28) {
    int i = (int)((x - 0.5L) * 16 + 0.5L);
    long double c = 0.5L + i / 16.0L, h = x - c;
    long double hp = 1, hm1 = 0, hn = 1, sum = 0;  // H_(n-1), H_(n-2)
    long double limit = __erfc_table[i][0] / __erfc_table[i][1] * 0x1p-72L;
    for (int n = 1; n < 60; n++) {
      hp *= h / n;  // h^n / n!
      long double term = hn * hp;
      sum += (n & 1) ? term : -term;
      if (fabsl(term) < limit && n > 2) break;
      long double next = 2 * c * hn - 2 * (n - 1) * hm1;  // H_n
      hm1 = hn;
      hn = next;
    }
    return __erfc_table[i][0] - __erfc_table[i][1] * sum;
  }
  long double sh, sl;
  two_prod(x, x, &sh, &sl);  // x^2 exactly
  long double e = __math_exp(-sh) * (1 - sl);
  long double z = 1 / (2 * sh), term = 1, sum = 1;
  for (int n = 1; n < 40; n++) {
    term *= -(2 * n - 1) * z;
    sum += term;
    if (fabsl(term) < 0x1p-70L) break;
  }
  return e * INV_SQRTPI / x * sum;
}
