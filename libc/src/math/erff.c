#include "ext_impl.h"

// erf x: the series below 1/2, 1 - erfc|x| above (erfc|x| < 0.48 there, so
// no cancellation), and +-1 (inexact) where erfc|x| is below 2^-70.
float erff(float x) {
  if (isnan(x)) return x + x;
  if (x == 0) return x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsf(x) < FLT_MIN) force_evalf(x * x);
  long double a = fabsl(x), v;
  if (a < 0.5L)
    return (float)__math_erf_small(x);
  else if (a < 6)
    v = 1 - __math_erfc_large(a);
  else
    v = 1 - 0x1p-100L;
  return (float)(x < 0 ? -v : v);
}
