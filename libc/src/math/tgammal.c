#include "ext_impl.h"

// Gamma(x): +-inf (divide by zero) at +-0, NaN (invalid) at the negative
// integers and -inf, overflow beyond 1756.
long double tgammal(long double x) {
  if (isnan(x)) return x + x;
  if (isinf(x)) return x > 0 ? x : (x - x) / (x - x);
  if (x == 0) return 1 / x;
  if (x < 0 && truncl(x) == x) return (x - x) / (x - x);
  if (x > 1756) return (0x1p16383L * 0x1p16383L);
  return __math_tgamma(x);
}
