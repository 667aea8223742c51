#include "ext_impl.h"

// atanh x = log1p(2|x|/(1 - |x|))/2: +-inf (divide by zero) at +-1, NaN
// (invalid) beyond.
long double atanhl(long double x) {
  if (isnan(x) || x == 0) return x + x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsl(x) < LDBL_MIN) force_evall(x * x);
  long double a = fabsl(x);
  if (a > 1) return (x - x) / (x - x);
  if (a == 1) return x / 0.0L;
  long double v = __math_log1p(2 * a / (1 - a)) / 2;
  return (x < 0 ? -v : v);
}
