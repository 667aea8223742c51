#include "math_impl.h"

// The integral part is truncl(x); the fraction carries x's sign, also when
// it is zero, and is zero for infinities.
long double modfl(long double x, long double *iptr) {
  long double i = truncl(x);
  *iptr = i;
  if (isinf(x)) return copysignl(0, x);
  return copysignl(x - i, x);  // exact: x and i share their leading bits
}
