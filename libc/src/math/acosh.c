#include "ext_impl.h"

// acosh x = ln(x + sqrt(x^2 - 1)); near 1 as log1p(t + sqrt(2t + t^2)) with
// the exact t = x - 1. Below 1: NaN and invalid.
double acosh(double x) {
  if (isnan(x)) return x + x;
  if (x < 1) return (x - x) / (x - x);
  if (isinf(x)) return x;
  long double a = x, v;
  if (a > 0x1p40L)
    v = __math_log(a) + LN2_FULL;
  else if (a >= 2)
    v = __math_log(a + sqrtl(a * a - 1));
  else {
    long double t = a - 1;
    v = __math_log1p(t + sqrtl(2 * t + t * t));
  }
  return (double)v;
}
