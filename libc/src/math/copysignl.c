#include "math_impl.h"

long double copysignl(long double x, long double y) {
  union ldshape ux = ldbits(x), uy = ldbits(y);
  ux.i.se = (uint16_t)((ux.i.se & 0x7fff) | (uy.i.se & 0x8000));
  return ux.f;
}
