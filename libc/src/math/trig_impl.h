// sin, cos and tan of any finite argument from the reduction (rem_pio2.c)
// and the kernels (trig_kernel.c), in extended precision.
#ifndef LIBC_MATH_TRIG_IMPL_H
#define LIBC_MATH_TRIG_IMPL_H

#include "ext_impl.h"

static inline long double sin_ext(long double x) {
  long double r;
  switch (__math_rem_pio2(x, &r)) {
    case 0:
      return __math_sin_kernel(r);
    case 1:
      return __math_cos_kernel(r);
    case 2:
      return -__math_sin_kernel(r);
    default:
      return -__math_cos_kernel(r);
  }
}

static inline long double cos_ext(long double x) {
  long double r;
  switch (__math_rem_pio2(x, &r)) {
    case 0:
      return __math_cos_kernel(r);
    case 1:
      return -__math_sin_kernel(r);
    case 2:
      return -__math_cos_kernel(r);
    default:
      return __math_sin_kernel(r);
  }
}

// tan(x + n pi/2) is tan r for even n and -1/tan r = -cos r / sin r for odd.
static inline long double tan_ext(long double x) {
  long double r;
  int n = __math_rem_pio2(x, &r);
  long double s = __math_sin_kernel(r), c = __math_cos_kernel(r);
  return (n & 1) ? -c / s : s / c;
}

#endif
