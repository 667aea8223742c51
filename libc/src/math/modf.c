#include "math_impl.h"

// The integral part is trunc(x); the fraction carries x's sign, also when
// it is zero, and is zero for infinities.
double modf(double x, double *iptr) {
  double i = trunc(x);
  *iptr = i;
  if (isinf(x)) return copysign(0, x);
  return copysign(x - i, x);  // exact: x and i share their leading bits
}
