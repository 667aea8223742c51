#include "ext_impl.h"

// 2^x; see exp.c.
long double exp2l(long double x) {
  if (isnan(x)) return x + x;
  if (x == 0) return 1;  // exact, without the inexact a rounding would raise
  if (isinf(x)) return x > 0 ? x : 0.0L;
  return __math_exp2(x);
}
