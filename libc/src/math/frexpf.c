#include "math_impl.h"

// See frexp.c.
float frexpf(float x, int *e) {
  uint32_t u = asuint(x);
  int ee = (int)((u >> 23) & 0xff);
  if (ee == 0) {
    if ((u << 1) == 0) {
      *e = 0;
      return x;
    }
    x = frexpf(x * 0x1p32f, e);
    *e -= 32;
    return x;
  }
  if (ee == 0xff) {
    *e = 0;
    return x + x;
  }
  *e = ee - 126;
  return asfloat((u & 0x807fffff) | (UINT32_C(126) << 23));
}
