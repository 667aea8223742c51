#include "ext_impl.h"

// See log2.c.
long double log2l(long double x) {
  if (isnan(x)) return x + x;
  if (x < 0) return (x - x) / 0.0L;
  if (x == 0) return -1 / fabsl(x);
  if (isinf(x)) return x;
  return __math_log2(x);
}
