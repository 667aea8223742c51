#include "math_impl.h"

// See rint.c; 2^23 is float's threshold.
float rintf(float x) {
  uint32_t u = asuint(x);
  int e = (int)((u >> 23) & 0xff) - 127;
  if (e >= 23) return e == 128 ? x + x : x;
  float big = (u >> 31) ? -0x1p23f : 0x1p23f;
  volatile float sum = x + big;
  float y = sum - big;
  return y == 0 ? copysignf(0.0f, x) : y;
}
