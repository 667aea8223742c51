#include "ext_impl.h"

// 2^x; see exp.c.
float exp2f(float x) {
  if (isnan(x)) return x + x;
  if (x == 0) return 1;  // exact, without the inexact a rounding would raise
  if (x > 130) return isinf(x) ? x : 0x1p127f * 0x1p127f;
  if (x < -152) return isinf(x) ? 0.0f : 0x1p-126f * 0x1p-126f;
  return (float)__math_exp2(x);
}
