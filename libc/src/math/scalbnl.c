#include "math_impl.h"

// As scalbn.c, for the x87 format: steps of 2^16383 up and of
// 2^-16318 = 2^-16382 * 2^64 down.
long double scalbnl(long double x, int n) {
  if (n > 16383) {
    x *= ldmake(0, 0x7ffe, UINT64_C(1) << 63);
    n -= 16383;
    if (n > 16383) {
      x *= ldmake(0, 0x7ffe, UINT64_C(1) << 63);
      n -= 16383;
      if (n > 16383) n = 16383;
    }
  } else if (n < -16382) {
    x *= ldmake(0, 16383 - 16318, UINT64_C(1) << 63);
    n += 16318;
    if (n < -16382) {
      x *= ldmake(0, 16383 - 16318, UINT64_C(1) << 63);
      n += 16318;
      if (n < -16382) n = -16382;
    }
  }
  return x * ldmake(0, 16383 + n, UINT64_C(1) << 63);
}
