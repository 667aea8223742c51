#include "fma_impl.h"

// x*y + z rounded once to float. (Computing it in double would round twice.)
float fmaf(float x, float y, float z) {
  if (!isfinite(x) || !isfinite(y) || x == 0 || y == 0) return x * y + z;
  if (!isfinite(z)) return z + z;
  if (z == 0) return x * y;
  struct fma_num n[3];
  float v[3] = {x, y, z};
  for (int i = 0; i < 3; i++) {
    uint32_t u = asuint(v[i]);
    int be = (int)((u >> 23) & 0xff);
    n[i].neg = (int)(u >> 31);
    n[i].m = (u & 0x7fffff) | (be != 0 ? UINT32_C(1) << 23 : 0);
    n[i].e = (be != 0 ? be : 1) - 150;
  }
  struct fma_result r =
      fma_core(n[0], n[1], n[2], (struct fma_fmt){24, -126, 127}, math_round_sse());
  uint32_t bits = (uint32_t)r.neg << 31;
  if (r.inf)
    bits |= UINT32_C(0xff) << 23;
  else
    bits |= ((uint32_t)(r.exp + 127) << 23) | ((uint32_t)r.m & 0x7fffff);
  return asfloat(bits);
}
