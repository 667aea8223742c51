#include "ext_impl.h"

// See expm1.c.
float expm1f(float x) {
  if (isnan(x)) return x + x;
  if (x > 100) return isinf(x) ? x : 0x1p127f * 0x1p127f;
  if (x == 0) return x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsf(x) < FLT_MIN) force_evalf(x * x);
  return (float)__math_expm1(x);
}
