#include "ext_impl.h"

// tanh x = E/(E + 2) with E = e^(2|x|) - 1; beyond |x| = 50 it is +-1
// (rounded from just inside, so inexact).
long double tanhl(long double x) {
  if (isnan(x) || x == 0) return x + x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsl(x) < LDBL_MIN) force_evall(x * x);
  long double a = fabsl(x);
  long double v;
  if (a > 50) {
    v = 1 - 0x1p-100L;
  } else {
    long double e = __math_expm1(2 * a);
    v = e / (e + 2);
  }
  return (x < 0 ? -v : v);
}
