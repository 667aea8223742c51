#include <limits.h>

#include "math_impl.h"

// See ilogb.c. A subnormal's exponent is -16382 less its leading zeros.
int ilogbl(long double x) {
  union ldshape u = ldbits(x);
  int e = u.i.se & 0x7fff;
  if (e == 0x7fff) {
    feraiseexcept(FE_INVALID);
    return (u.i.m << 1) != 0 ? FP_ILOGBNAN : INT_MAX;
  }
  if (u.i.m == 0) {
    feraiseexcept(FE_INVALID);
    return FP_ILOGB0;
  }
  if (e == 0) return -16382 - __builtin_clzll(u.i.m);
  return e - 16383;
}
