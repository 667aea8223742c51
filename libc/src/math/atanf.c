#include "ext_impl.h"

// fpatan (ext_impl.h) computes atan(x/1) in extended precision; NaN and
// the infinities come out as C specifies (+-pi/2 for +-inf).
float atanf(float x) {
  if (x == 0) return x;  // keeps -0 exactly, with no inexact
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsf(x) < FLT_MIN) force_evalf(x * x);
  return (float)fpatan(x, 1);
}
