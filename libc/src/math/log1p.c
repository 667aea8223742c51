#include "ext_impl.h"

// ln(1 + x): NaN (invalid) below -1, -inf (divide by zero) at -1.
double log1p(double x) {
  if (isnan(x)) return x + x;
  if (x < -1) return (x - x) / 0.0;
  if (x == -1) return -1 / 0.0;
  if (isinf(x) || x == 0) return x;  // keeps -0
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabs(x) < DBL_MIN) force_eval(x * x);
  return (double)__math_log1p(x);
}
