#include "fma_impl.h"

// x*y + z rounded once; the exact work is in fma_impl.h.
double fma(double x, double y, double z) {
  // Infinities and NaNs in x or y, and zero products, are exact in hardware
  // (a zero product keeps the right sign of a zero sum).
  if (!isfinite(x) || !isfinite(y) || x == 0 || y == 0) return x * y + z;
  if (!isfinite(z)) return z + z;  // a finite product cannot change it
  if (z == 0) return x * y;        // x*y rounded once; its sign decides a zero
  struct fma_num n[3];
  double v[3] = {x, y, z};
  for (int i = 0; i < 3; i++) {
    uint64_t u = asuint64(v[i]);
    int be = (int)((u >> 52) & 0x7ff);
    n[i].neg = (int)(u >> 63);
    n[i].m = (u & ((UINT64_C(1) << 52) - 1)) | (be != 0 ? UINT64_C(1) << 52 : 0);
    n[i].e = (be != 0 ? be : 1) - 1075;
  }
  struct fma_result r =
      fma_core(n[0], n[1], n[2], (struct fma_fmt){53, -1022, 1023}, math_round_sse());
  uint64_t bits = (uint64_t)r.neg << 63;
  if (r.inf)
    bits |= UINT64_C(0x7ff) << 52;
  else  // subnormals have exp == -1023: exponent field 0
    bits |= ((uint64_t)(r.exp + 1023) << 52) | (r.m & ((UINT64_C(1) << 52) - 1));
  return asdouble(bits);
}
