#include "math_impl.h"

double copysign(double x, double y) {
  uint64_t sign = UINT64_C(1) << 63;
  return asdouble((asuint64(x) & ~sign) | (asuint64(y) & sign));
}
