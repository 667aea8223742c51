#include "ext_impl.h"

// See log1p.c.
float log1pf(float x) {
  if (isnan(x)) return x + x;
  if (x < -1) return (x - x) / 0.0f;
  if (x == -1) return -1 / 0.0f;
  if (isinf(x) || x == 0) return x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsf(x) < FLT_MIN) force_evalf(x * x);
  return (float)__math_log1p(x);
}
