#include "math_impl.h"

// ilogbl as a floating-point value; logb(0) is a pole (-inf, divide by
// zero), logb(+-inf) is +inf and NaN stays NaN.
long double logbl(long double x) {
  if (!isfinite(x)) return x * x;
  if (x == 0) return -1 / fabsl(x);
  return (long double)ilogbl(x);
}
