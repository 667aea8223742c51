#include "ext_impl.h"

// See hypot.c. Long double squares can leave the format, so both operands
// are first scaled by a power of two that brings the larger near 1.
long double hypotl(long double x, long double y) {
  if (isinf(x) || isinf(y)) return INFINITY;
  if (isnan(x) || isnan(y)) return x + y;
  x = fabsl(x);
  y = fabsl(y);
  if (x < y) {
    long double t = x;
    x = y;
    y = t;
  }
  if (x == 0) return 0;
  int e = ilogbl(x);
  x = scalbnl(x, -e);
  y = scalbnl(y, -e);  // may underflow to 0: then y^2 was negligible anyway
  return scalbnl(sqrtl(x * x + y * y), e);
}
