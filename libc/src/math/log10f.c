#include "ext_impl.h"

// See log10.c.
float log10f(float x) {
  if (isnan(x)) return x + x;
  if (x < 0) return (x - x) / 0.0f;
  if (x == 0) return -1 / fabsf(x);
  if (isinf(x)) return x;
  return (float)__math_log10(x);
}
