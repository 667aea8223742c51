#include "math_impl.h"

long double fabsl(long double x) {
  union ldshape u = ldbits(x);
  u.i.se &= 0x7fff;
  return u.f;
}
