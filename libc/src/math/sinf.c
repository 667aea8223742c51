#include "trig_impl.h"

// See sin.c; one rounding from extended to float.
float sinf(float x) {
  if (!isfinite(x)) return x - x;
  if (x == 0) return x;
  return (float)sin_ext(x);
}
