#include "ext_impl.h"

// 2^x; see exp.c.
double exp2(double x) {
  if (isnan(x)) return x + x;
  if (x == 0) return 1;  // exact, without the inexact a rounding would raise
  if (x > 1025) return isinf(x) ? x : 0x1p1023 * 0x1p1023;
  if (x < -1076) return isinf(x) ? 0.0 : 0x1p-1022 * 0x1p-1022;
  return (double)__math_exp2(x);
}
