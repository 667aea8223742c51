#include "math_impl.h"

// Halfway cases round away from zero: add half a unit of the integer part to
// the magnitude, then clear the fraction (the carry may reach the exponent).
double round(double x) {
  uint64_t u = asuint64(x);
  int e = (int)((u >> 52) & 0x7ff) - 1023;
  if (e >= 52) return e == 1024 ? x + x : x;
  uint64_t sign = u & (UINT64_C(1) << 63);
  if (e < -1) return asdouble(sign);                   // |x| < 0.5
  if (e == -1) return asdouble(sign | asuint64(1.0));  // 0.5 <= |x| < 1
  uint64_t frac = (UINT64_C(1) << (52 - e)) - 1;
  if ((u & frac) == 0) return x;
  u += UINT64_C(1) << (51 - e);
  return asdouble(u & ~frac);
}
