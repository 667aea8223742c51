#include "ext_impl.h"

// See log.c.
long double logl(long double x) {
  if (isnan(x)) return x + x;
  if (x < 0) return (x - x) / 0.0L;
  if (x == 0) return -1 / fabsl(x);
  if (isinf(x)) return x;
  return __math_log(x);
}
