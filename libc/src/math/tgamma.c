#include "ext_impl.h"

// Gamma(x): +-inf (divide by zero) at +-0, NaN (invalid) at the negative
// integers and -inf, overflow beyond 172.
double tgamma(double x) {
  if (isnan(x)) return x + x;
  if (isinf(x)) return x > 0 ? x : (x - x) / (x - x);
  if (x == 0) return 1 / x;
  if (x < 0 && trunc(x) == x) return (x - x) / (x - x);
  if (x > 172) return (double)(0x1p16383L * 0x1p16383L);
  return (double)__math_tgamma(x);
}
