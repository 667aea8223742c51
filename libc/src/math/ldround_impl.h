// The integer-rounding core of truncl, floorl, ceill and roundl: the x87
// format's significand is one 64-bit word with an explicit integer bit.
#ifndef LIBC_MATH_LDROUND_IMPL_H
#define LIBC_MATH_LDROUND_IMPL_H

#include "math_impl.h"

enum ld_round_dir { LD_TRUNC, LD_FLOOR, LD_CEIL, LD_ROUND };

static inline long double ld_round_integral(long double x, enum ld_round_dir dir) {
  union ldshape u = ldbits(x);
  int biased = u.i.se & 0x7fff;
  int neg = u.i.se >> 15;
  int e = biased - 16383;
  if (e >= 63) return biased == 0x7fff ? x + x : x;  // integral, infinite or NaN
  if (e < 0) {                                       // |x| < 1
    if (u.i.m == 0) return x;                        // +-0
    int away = (dir == LD_FLOOR && neg) || (dir == LD_CEIL && !neg) || (dir == LD_ROUND && e == -1);
    return away ? ldmake(neg, 16383, UINT64_C(1) << 63) : ldmake(neg, 0, 0);
  }
  uint64_t frac = (UINT64_C(1) << (63 - e)) - 1;
  if ((u.i.m & frac) == 0) return x;
  uint64_t add = 0;
  if ((dir == LD_FLOOR && neg) || (dir == LD_CEIL && !neg))
    add = frac;  // any fraction carries one into the integer part
  else if (dir == LD_ROUND)
    add = UINT64_C(1) << (62 - e);  // half a unit: ties go away from zero
  uint64_t m = u.i.m + add;
  // A carry out of the word means the magnitude reached 2^(e+1) exactly.
  if (m < u.i.m) return ldmake(neg, biased + 1, UINT64_C(1) << 63);
  u.i.m = m & ~frac;
  return u.f;
}

#endif
