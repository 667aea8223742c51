#include "ext_impl.h"

// e^x; the core does the work (ext_impl.h). Infinities are exact, and the
// thresholds send results beyond any double to the rounding of huge*huge or
// tiny*tiny, which raise overflow or underflow in every rounding mode.
double exp(double x) {
  if (isnan(x)) return x + x;
  if (x == 0) return 1;  // exact, without the inexact a rounding would raise
  if (x > 710) return isinf(x) ? x : 0x1p1023 * 0x1p1023;
  if (x < -746) return isinf(x) ? 0.0 : 0x1p-1022 * 0x1p-1022;
  return (double)__math_exp(x);
}
