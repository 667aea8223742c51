#include "math_impl.h"

// See floor.c.
float floorf(float x) {
  uint32_t u = asuint(x);
  int e = (int)((u >> 23) & 0xff) - 127;
  if (e >= 23) return e == 128 ? x + x : x;
  if (e < 0) {
    if ((u << 1) == 0) return x;
    return (u >> 31) ? -1.0f : 0.0f;
  }
  uint32_t frac = (UINT32_C(1) << (23 - e)) - 1;
  if ((u & frac) == 0) return x;
  if (u >> 31) u += frac;
  return asfloat(u & ~frac);
}
