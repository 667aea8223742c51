#include "ext_impl.h"

// ln|Gamma(x)|, with the sign of Gamma(x) in *sign (cloudlibc has no global
// signgam). Poles (0 and the negative integers) give +inf and divide by
// zero; +-inf give +inf.
double lgamma_r(double x, int *sign) {
  *sign = 1;
  if (isnan(x)) return x + x;
  if (isinf(x)) return x * x;
  if (x <= 0 && trunc(x) == x) {
    if (x == 0 && signbit(x)) *sign = -1;
    return 1 / fabs(x - x);  // +inf, divide by zero
  }
  return (double)__math_lgamma(x, sign);
}
