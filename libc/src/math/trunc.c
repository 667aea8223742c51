#include "math_impl.h"

// Clears the fraction bits, the ones below the binary point. Exact, so no
// exception is raised (except invalid for a signaling NaN, via x + x).
double trunc(double x) {
  uint64_t u = asuint64(x);
  int e = (int)((u >> 52) & 0x7ff) - 1023;              // unbiased exponent
  if (e >= 52) return e == 1024 ? x + x : x;            // integral, infinite or NaN
  if (e < 0) return asdouble(u & (UINT64_C(1) << 63));  // |x| < 1: signed 0
  uint64_t frac = (UINT64_C(1) << (52 - e)) - 1;
  return asdouble(u & ~frac);
}
