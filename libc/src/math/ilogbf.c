#include <limits.h>

#include "math_impl.h"

// See ilogb.c.
int ilogbf(float x) {
  uint32_t u = asuint(x);
  int e = (int)((u >> 23) & 0xff);
  if (e == 0) {
    uint32_t m = u << 9;
    if (m == 0) {
      feraiseexcept(FE_INVALID);
      return FP_ILOGB0;
    }
    return -127 - __builtin_clz(m);
  }
  if (e == 0xff) {
    feraiseexcept(FE_INVALID);
    return (u << 9) != 0 ? FP_ILOGBNAN : INT_MAX;
  }
  return e - 127;
}
