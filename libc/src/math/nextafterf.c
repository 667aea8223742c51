#include "math_impl.h"

// See nextafter.c.
float nextafterf(float x, float y) {
  if (isnan(x) || isnan(y)) return x + y;
  if (x == y) return y;
  uint32_t u = asuint(x);
  if (x == 0) {
    u = (asuint(y) & 0x80000000) | 1;
  } else if ((x < y) == !(u >> 31)) {
    u++;
  } else {
    u--;
  }
  float r = asfloat(u);
  if (isinf(r)) feraiseexcept(FE_OVERFLOW | FE_INEXACT);
  if (fpclassify(r) == FP_SUBNORMAL || r == 0) feraiseexcept(FE_UNDERFLOW | FE_INEXACT);
  return r;
}
