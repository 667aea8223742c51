#include "math_impl.h"

// See trunc.c.
float truncf(float x) {
  uint32_t u = asuint(x);
  int e = (int)((u >> 23) & 0xff) - 127;
  if (e >= 23) return e == 128 ? x + x : x;
  if (e < 0) return asfloat(u & 0x80000000);
  uint32_t frac = (UINT32_C(1) << (23 - e)) - 1;
  return asfloat(u & ~frac);
}
