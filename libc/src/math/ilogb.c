#include <limits.h>

#include "math_impl.h"

// The unbiased exponent; subnormals count their leading zero bits. Zero,
// infinity and NaN have none: they raise invalid (C Annex F).
int ilogb(double x) {
  uint64_t u = asuint64(x);
  int e = (int)((u >> 52) & 0x7ff);
  if (e == 0) {
    uint64_t m = u << 12;
    if (m == 0) {
      feraiseexcept(FE_INVALID);
      return FP_ILOGB0;
    }
    return -1023 - __builtin_clzll(m);
  }
  if (e == 0x7ff) {
    feraiseexcept(FE_INVALID);
    return (u << 12) != 0 ? FP_ILOGBNAN : INT_MAX;
  }
  return e - 1023;
}
