#include "math_impl.h"

// For |x| < 2^52, adding and subtracting 2^52 (with x's sign) leaves a sum
// whose unit in the last place is 1, so the hardware rounds x to an integer
// in the current rounding mode and raises inexact when it drops a fraction.
double rint(double x) {
  uint64_t u = asuint64(x);
  int e = (int)((u >> 52) & 0x7ff) - 1023;
  if (e >= 52) return e == 1024 ? x + x : x;
  double big = (u >> 63) ? -0x1p52 : 0x1p52;
  volatile double sum = x + big;  // volatile: keep the two roundings apart
  double y = sum - big;
  return y == 0 ? copysign(0.0, x) : y;  // -0.3 rounds to -0, not +0
}
