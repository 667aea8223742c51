#include "math_impl.h"

// See frexp.c. The x87 significand is normalized by shifting it until its
// integer bit is set.
long double frexpl(long double x, int *e) {
  union ldshape u = ldbits(x);
  int ee = u.i.se & 0x7fff;
  if (ee == 0x7fff) {
    *e = 0;
    return x + x;
  }
  if (u.i.m == 0) {
    *e = 0;
    return x;
  }
  if (ee == 0) {  // subnormal: the exponent is that of the smallest normal
    int shift = __builtin_clzll(u.i.m);
    u.i.m <<= shift;
    ee = 1 - shift;
  }
  *e = ee - 16382;
  u.i.se = (uint16_t)((u.i.se & 0x8000) | 16382);
  return u.f;
}
