#include "math_impl.h"

// roundl() is exact, so storing it in any rounding mode gives that integer;
// fistp raises invalid (and stores LONG_MIN) when it does not fit.
long lroundl(long double x) {
  long r;
  x = roundl(x);
  __asm__ volatile("fistpll %0" : "=m"(r) : "t"(x) : "st");
  return r;
}
