#include "trig_impl.h"

// See tan.c; one rounding from extended to float.
float tanf(float x) {
  if (!isfinite(x)) return x - x;
  if (x == 0) return x;
  return (float)tan_ext(x);
}
