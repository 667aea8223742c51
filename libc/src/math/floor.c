#include "math_impl.h"

// Negative values with a fraction round away from zero: adding the fraction
// mask before clearing it carries one into the integer part (and, for
// -1.5 -> -2 and the like, into the exponent, which is still right).
double floor(double x) {
  uint64_t u = asuint64(x);
  int e = (int)((u >> 52) & 0x7ff) - 1023;
  if (e >= 52) return e == 1024 ? x + x : x;
  if (e < 0) {                    // |x| < 1
    if ((u << 1) == 0) return x;  // +-0
    return (u >> 63) ? -1.0 : 0.0;
  }
  uint64_t frac = (UINT64_C(1) << (52 - e)) - 1;
  if ((u & frac) == 0) return x;
  if (u >> 63) u += frac;
  return asdouble(u & ~frac);
}
