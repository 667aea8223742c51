#include "math_impl.h"

// A quiet NaN counts as missing data: the other operand is returned; a
// signaling NaN makes the result NaN (IEEE 754-2008 maxNum, C23). Of two
// zeros, +0 is the larger (C leaves it open; IEEE 754-2019 maximum says so).
float fmaxf(float x, float y) {
  if (issignaling_f(x) || issignaling_f(y)) return x + y;  // quiet NaN, invalid
  if (isnan(x)) return y;
  if (isnan(y)) return x;
  if (x == y) return signbit(x) ? y : x;
  return x > y ? x : y;
}
