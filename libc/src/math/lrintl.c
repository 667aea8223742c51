#include "math_impl.h"

// fistp stores in the x87 rounding mode; out of range or NaN it raises
// invalid and stores the "integer indefinite" LONG_MIN.
long lrintl(long double x) {
  long r;
  __asm__ volatile("fistpll %0" : "=m"(r) : "t"(x) : "st");
  return r;
}
