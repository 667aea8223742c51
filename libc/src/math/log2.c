#include "ext_impl.h"

// The logarithm: NaN (invalid) below 0, -inf (divide by zero) at +-0, +inf at
// +inf; the core (log_core.c) does the rest.
double log2(double x) {
  if (isnan(x)) return x + x;
  if (x < 0) return (x - x) / 0.0;
  if (x == 0) return -1 / fabs(x);
  if (isinf(x)) return x;
  return (double)__math_log2(x);
}
