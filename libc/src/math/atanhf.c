#include "ext_impl.h"

// atanh x = log1p(2|x|/(1 - |x|))/2: +-inf (divide by zero) at +-1, NaN
// (invalid) beyond.
float atanhf(float x) {
  if (isnan(x) || x == 0) return x + x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsf(x) < FLT_MIN) force_evalf(x * x);
  long double a = fabsl(x);
  if (a > 1) return (x - x) / (x - x);
  if (a == 1) return x / 0.0;
  long double v = __math_log1p(2 * a / (1 - a)) / 2;
  return (float)(x < 0 ? -v : v);
}
