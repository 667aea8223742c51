#include "trig_impl.h"

// See sin.c; one rounding from extended to float.
float sinf(float x) {
  if (!isfinite(x)) return x - x;
  if (x == 0) return x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsf(x) < FLT_MIN) force_evalf(x * x);
  return (float)sin_ext(x);
}
