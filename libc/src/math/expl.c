#include "ext_impl.h"

// See exp.c; the result carries the extended core's own error.
long double expl(long double x) {
  if (isnan(x)) return x + x;
  if (x == 0) return 1;  // exact, without the inexact a rounding would raise
  if (isinf(x)) return x > 0 ? x : 0.0L;
  return __math_exp(x);
}
