#include "math_impl.h"

// The integral part is truncf(x); the fraction carries x's sign, also when
// it is zero, and is zero for infinities.
float modff(float x, float *iptr) {
  float i = truncf(x);
  *iptr = i;
  if (isinf(x)) return copysignf(0, x);
  return copysignf(x - i, x);  // exact: x and i share their leading bits
}
