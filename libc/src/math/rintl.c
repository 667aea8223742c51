#include "math_impl.h"

// frndint rounds to an integer in the x87 rounding mode, keeps the sign of
// zero and raises inexact (as precision) when it drops a fraction.
long double rintl(long double x) {
  __asm__("frndint" : "+t"(x));
  return x;
}
