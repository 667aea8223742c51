#include "ext_impl.h"

// fpatan (ext_impl.h) computes atan(x/1) in extended precision; NaN and
// the infinities come out as C specifies (+-pi/2 for +-inf).
long double atanl(long double x) {
  if (x == 0) return x;  // keeps -0 exactly, with no inexact
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsl(x) < LDBL_MIN) force_evall(x * x);
  return fpatan(x, 1);
}
