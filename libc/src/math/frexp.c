#include "math_impl.h"

// Splits x into a significand in [0.5, 1) and a power of two. Subnormals are
// first scaled into the normal range, exactly.
double frexp(double x, int *e) {
  uint64_t u = asuint64(x);
  int ee = (int)((u >> 52) & 0x7ff);
  if (ee == 0) {
    if ((u << 1) == 0) {
      *e = 0;
      return x;
    }
    x = frexp(x * 0x1p64, e);
    *e -= 64;
    return x;
  }
  if (ee == 0x7ff) {  // infinity or NaN: *e is unspecified; 0 is tidy
    *e = 0;
    return x + x;
  }
  *e = ee - 1022;
  u = (u & ~(UINT64_C(0x7ff) << 52)) | (UINT64_C(1022) << 52);
  return asdouble(u);
}
