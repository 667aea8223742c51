#include "fma_impl.h"

// x*y + z rounded once to the x87 format, in the x87 rounding mode.
long double fmal(long double x, long double y, long double z) {
  if (!isfinite(x) || !isfinite(y) || x == 0 || y == 0) return x * y + z;
  if (!isfinite(z)) return z + z;
  if (z == 0) return x * y;
  struct fma_num n[3];
  long double v[3] = {x, y, z};
  for (int i = 0; i < 3; i++) {
    union ldshape u = ldbits(v[i]);
    int be = u.i.se & 0x7fff;
    n[i].neg = u.i.se >> 15;
    n[i].m = u.i.m;  // the integer bit is explicit
    n[i].e = (be != 0 ? be : 1) - 16383 - 63;
  }
  struct fma_result r =
      fma_core(n[0], n[1], n[2], (struct fma_fmt){64, -16382, 16383}, math_round_x87());
  if (r.inf) return ldmake(r.neg, 0x7fff, UINT64_C(1) << 63);
  return ldmake(r.neg, r.exp + 16383, r.m);
}
