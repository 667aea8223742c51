#include "math_impl.h"

// See round.c.
float roundf(float x) {
  uint32_t u = asuint(x);
  int e = (int)((u >> 23) & 0xff) - 127;
  if (e >= 23) return e == 128 ? x + x : x;
  uint32_t sign = u & 0x80000000;
  if (e < -1) return asfloat(sign);
  if (e == -1) return asfloat(sign | asuint(1.0f));
  uint32_t frac = (UINT32_C(1) << (23 - e)) - 1;
  if ((u & frac) == 0) return x;
  u += UINT32_C(1) << (22 - e);
  return asfloat(u & ~frac);
}
