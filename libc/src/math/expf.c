#include "ext_impl.h"

// See exp.c; one rounding from the extended result to float.
float expf(float x) {
  if (isnan(x)) return x + x;
  if (x == 0) return 1;  // exact, without the inexact a rounding would raise
  if (x > 100) return isinf(x) ? x : 0x1p127f * 0x1p127f;
  if (x < -110) return isinf(x) ? 0.0f : 0x1p-126f * 0x1p-126f;
  return (float)__math_exp(x);
}
