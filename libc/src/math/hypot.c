#include "ext_impl.h"

// sqrt(x^2 + y^2) in extended precision, whose range holds the squares of
// all doubles: no overflow or underflow until the final rounding. An
// infinity wins over a NaN (C Annex F).
double hypot(double x, double y) {
  if (isinf(x) || isinf(y)) return INFINITY;
  if (isnan(x) || isnan(y)) return x + y;
  long double lx = x, ly = y;
  return (double)sqrtl(lx * lx + ly * ly);
}
