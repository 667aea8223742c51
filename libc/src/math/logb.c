#include "math_impl.h"

// ilogb as a floating-point value; logb(0) is a pole (-inf, divide by
// zero), logb(+-inf) is +inf and NaN stays NaN.
double logb(double x) {
  if (!isfinite(x)) return x * x;
  if (x == 0) return -1 / fabs(x);
  return (double)ilogb(x);
}
