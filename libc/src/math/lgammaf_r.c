#include "ext_impl.h"

// ln|Gamma(x)|, with the sign of Gamma(x) in *sign (cloudlibc has no global
// signgam). Poles (0 and the negative integers) give +inf and divide by
// zero; +-inf give +inf.
float lgammaf_r(float x, int *sign) {
  *sign = 1;
  if (isnan(x)) return x + x;
  if (isinf(x)) return x * x;
  if (x <= 0 && truncf(x) == x) {
    if (x == 0 && signbit(x)) *sign = -1;
    return 1 / fabsf(x - x);  // +inf, divide by zero
  }
  return (float)__math_lgamma(x, sign);
}
