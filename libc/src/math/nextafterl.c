#include "math_impl.h"

// See nextafter.c. The x87 significand has an explicit integer bit, so a
// step may have to move between exponents by hand: normal significands run
// from 0x8000000000000000 to 0xffffffffffffffff; subnormals (exponent field
// 0) count up from 1 to 0x7fffffffffffffff, and the next one up is the
// least normal, 0x8000000000000000 with exponent field 1.
long double nextafterl(long double x, long double y) {
  if (isnan(x) || isnan(y)) return x + y;
  if (x == y) return y;
  union ldshape u = ldbits(x);
  int neg = u.i.se >> 15;
  int e = u.i.se & 0x7fff;
  if (x == 0) {
    neg = signbit(y) != 0;
    e = 0;
    u.i.m = 1;
  } else if ((x < y) == !neg) {  // away from zero
    if (e == 0) {
      u.i.m++;
      if (u.i.m == UINT64_C(1) << 63) e = 1;
    } else if (++u.i.m == 0) {
      u.i.m = UINT64_C(1) << 63;
      e++;  // may reach 0x7fff with m = 1<<63: infinity
    }
  } else {  // towards zero
    if (e == 0) {
      u.i.m--;
    } else if (u.i.m == UINT64_C(1) << 63) {
      e--;
      u.i.m = e == 0 ? (UINT64_C(1) << 63) - 1 : ~UINT64_C(0);
    } else {
      u.i.m--;
    }
  }
  long double r = ldmake(neg, e, u.i.m);
  if (isinf(r)) feraiseexcept(FE_OVERFLOW | FE_INEXACT);
  if (e == 0) feraiseexcept(FE_UNDERFLOW | FE_INEXACT);
  return r;
}
