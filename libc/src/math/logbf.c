#include "math_impl.h"

// ilogbf as a floating-point value; logb(0) is a pole (-inf, divide by
// zero), logb(+-inf) is +inf and NaN stays NaN.
float logbf(float x) {
  if (!isfinite(x)) return x * x;
  if (x == 0) return -1 / fabsf(x);
  return (float)ilogbf(x);
}
