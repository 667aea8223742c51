#include "ext_impl.h"

// See log2.c.
float log2f(float x) {
  if (isnan(x)) return x + x;
  if (x < 0) return (x - x) / 0.0f;
  if (x == 0) return -1 / fabsf(x);
  if (isinf(x)) return x;
  return (float)__math_log2(x);
}
