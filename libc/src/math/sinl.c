#include "trig_impl.h"

// See sin.c. The reduction is exact for every long double, but the result
// carries the extended kernel's own rounding errors (docs/libm.md).
long double sinl(long double x) {
  if (!isfinite(x)) return x - x;
  if (x == 0) return x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsl(x) < LDBL_MIN) force_evall(x * x);
  return sin_ext(x);
}
