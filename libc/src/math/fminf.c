#include "math_impl.h"

// See fmaxf.c; of two zeros, -0 is the smaller.
float fminf(float x, float y) {
  if (issignaling_f(x) || issignaling_f(y)) return x + y;  // quiet NaN, invalid
  if (isnan(x)) return y;
  if (isnan(y)) return x;
  if (x == y) return signbit(x) ? x : y;
  return x < y ? x : y;
}
