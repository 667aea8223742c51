#include "ext_impl.h"

// See log1p.c.
long double log1pl(long double x) {
  if (isnan(x)) return x + x;
  if (x < -1) return (x - x) / 0.0L;
  if (x == -1) return -1 / 0.0L;
  if (isinf(x) || x == 0) return x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsl(x) < LDBL_MIN) force_evall(x * x);
  return __math_log1p(x);
}
