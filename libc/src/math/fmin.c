#include "math_impl.h"

// See fmax.c; of two zeros, -0 is the smaller.
double fmin(double x, double y) {
  if (issignaling_d(x) || issignaling_d(y)) return x + y;  // quiet NaN, invalid
  if (isnan(x)) return y;
  if (isnan(y)) return x;
  if (x == y) return signbit(x) ? x : y;
  return x < y ? x : y;
}
