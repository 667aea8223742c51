#include "math_impl.h"

// x * 2^n with a single rounding. Large |n| is applied in steps that cannot
// round: up by 2^1023 (overflow there is the right answer anyway), down by
// 2^-969 = 2^-1022 * 2^53, which keeps any x >= 2^-53 normal. Smaller x
// underflow to below half the least subnormal whatever happens, and the
// repeated rounding of such values still yields the correctly rounded 0 or
// least subnormal in every rounding mode.
double scalbn(double x, int n) {
  if (n > 1023) {
    x *= 0x1p1023;
    n -= 1023;
    if (n > 1023) {
      x *= 0x1p1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    x *= 0x1p-969;
    n += 969;
    if (n < -1022) {
      x *= 0x1p-969;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return x * asdouble((uint64_t)(0x3ff + n) << 52);
}
