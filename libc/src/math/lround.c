#include "math_impl.h"

// round() is exact; the truncating conversion then only raises invalid (and
// yields LONG_MIN) when the integer does not fit.
long lround(double x) {
  long r;
  x = round(x);
  __asm__ volatile("cvttsd2si %1, %0" : "=r"(r) : "x"(x));
  return r;
}
