#include "ext_impl.h"

// asin x = atan2(x, sqrt((1 - x)(1 + x))), in extended precision (the two
// factors are exact for |x| >= 1/2 and accurate enough below). |x| > 1 is a
// domain error: NaN and invalid.
double asin(double x) {
  if (isnan(x)) return x + x;
  if (fabs(x) > 1) return (x - x) / (x - x);
  if (x == 0) return x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabs(x) < DBL_MIN) force_eval(x * x);
  long double lx = x;
  return (double)fpatan(lx, sqrtl((1 - lx) * (1 + lx)));
}
