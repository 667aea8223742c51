#include "ext_impl.h"

// See hypot.c.
float hypotf(float x, float y) {
  if (isinf(x) || isinf(y)) return INFINITY;
  if (isnan(x) || isnan(y)) return x + y;
  long double lx = x, ly = y;
  return (float)sqrtl(lx * lx + ly * ly);
}
