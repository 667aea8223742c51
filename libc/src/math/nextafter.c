#include "math_impl.h"

// Steps x's bit pattern by one towards y: for IEEE formats the patterns of
// same-signed values are ordered like the values.
double nextafter(double x, double y) {
  if (isnan(x) || isnan(y)) return x + y;
  if (x == y) return y;  // also gives nextafter(0, -0) == -0
  uint64_t u = asuint64(x);
  if (x == 0) {
    u = (asuint64(y) & (UINT64_C(1) << 63)) | 1;  // least subnormal, y's sign
  } else if ((x < y) == !(u >> 63)) {
    u++;  // away from zero
  } else {
    u--;
  }
  double r = asdouble(u);
  if (isinf(r)) feraiseexcept(FE_OVERFLOW | FE_INEXACT);
  if (fpclassify(r) == FP_SUBNORMAL || r == 0) feraiseexcept(FE_UNDERFLOW | FE_INEXACT);
  return r;
}
