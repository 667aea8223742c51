#include "trig_impl.h"

// See tan.c; one rounding from extended to float.
float tanf(float x) {
  if (!isfinite(x)) return x - x;
  if (x == 0) return x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsf(x) < FLT_MIN) force_evalf(x * x);
  return (float)tan_ext(x);
}
