#include "ext_impl.h"

// ln(1 + x): NaN (invalid) below -1, -inf (divide by zero) at -1.
double log1p(double x) {
  if (isnan(x)) return x + x;
  if (x < -1) return (x - x) / 0.0;
  if (x == -1) return -1 / 0.0;
  if (isinf(x) || x == 0) return x;  // keeps -0
  return (double)__math_log1p(x);
}
