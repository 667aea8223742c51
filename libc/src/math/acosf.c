#include "ext_impl.h"

// acos x = atan2(sqrt((1 - x)(1 + x)), x): pi at -1 and +0 at 1.
float acosf(float x) {
  if (isnan(x)) return x + x;
  if (fabsf(x) > 1) return (x - x) / (x - x);
  long double lx = x;
  return (float)fpatan(sqrtl((1 - lx) * (1 + lx)), lx);
}
