#include "ext_impl.h"

// e^x - 1, accurate also where it is close to 0 (see exp_core.c).
double expm1(double x) {
  if (isnan(x)) return x + x;
  if (x > 710) return isinf(x) ? x : 0x1p1023 * 0x1p1023;
  if (x == 0) return x;  // keeps -0
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabs(x) < DBL_MIN) force_eval(x * x);
  return (double)__math_expm1(x);
}
