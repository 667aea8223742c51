#include "trig_impl.h"

// See cos.c; one rounding from extended to float.
float cosf(float x) {
  if (!isfinite(x)) return x - x;
  return (float)cos_ext(x);
}
