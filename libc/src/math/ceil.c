#include "math_impl.h"

// The mirror image of floor.c: positive values with a fraction round up.
double ceil(double x) {
  uint64_t u = asuint64(x);
  int e = (int)((u >> 52) & 0x7ff) - 1023;
  if (e >= 52) return e == 1024 ? x + x : x;
  if (e < 0) {
    if ((u << 1) == 0) return x;
    return (u >> 63) ? -0.0 : 1.0;
  }
  uint64_t frac = (UINT64_C(1) << (52 - e)) - 1;
  if ((u & frac) == 0) return x;
  if (!(u >> 63)) u += frac;
  return asdouble(u & ~frac);
}
