#include "ext_impl.h"

// fpatan (ext_impl.h) computes atan(x/1) in extended precision; NaN and
// the infinities come out as C specifies (+-pi/2 for +-inf).
double atan(double x) {
  if (x == 0) return x;  // keeps -0 exactly, with no inexact
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabs(x) < DBL_MIN) force_eval(x * x);
  return (double)fpatan(x, 1);
}
