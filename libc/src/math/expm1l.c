#include "ext_impl.h"

// See expm1.c.
long double expm1l(long double x) {
  if (isnan(x)) return x + x;
  if (isinf(x)) return x > 0 ? x : -1.0L;
  if (x == 0) return x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsl(x) < LDBL_MIN) force_evall(x * x);
  return __math_expm1(x);
}
