#include "ext_impl.h"

// See log1p.c.
float log1pf(float x) {
  if (isnan(x)) return x + x;
  if (x < -1) return (x - x) / 0.0f;
  if (x == -1) return -1 / 0.0f;
  if (isinf(x) || x == 0) return x;
  return (float)__math_log1p(x);
}
