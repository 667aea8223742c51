#include "math_impl.h"

// See fmaxl.c; of two zeros, -0 is the smaller.
long double fminl(long double x, long double y) {
  if (issignaling_ld(x) || issignaling_ld(y)) return x + y;  // quiet NaN, invalid
  if (isnan(x)) return y;
  if (isnan(y)) return x;
  if (x == y) return signbit(x) ? x : y;
  return x < y ? x : y;
}
