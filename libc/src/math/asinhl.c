#include "ext_impl.h"

// asinh x = ln(|x| + sqrt(x^2 + 1)), as log1p(|x| + x^2/(1 + sqrt(1 + x^2)))
// below 1/2 (no cancellation), and as ln|x| + ln 2 where x^2 + 1 is x^2.
long double asinhl(long double x) {
  if (!isfinite(x) || x == 0) return x + x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabsl(x) < LDBL_MIN) force_evall(x * x);
  long double a = fabsl(x), v;
  if (a > 0x1p40L)
    v = __math_log(a) + LN2_FULL;
  else if (a >= 0.5L)
    v = __math_log(a + sqrtl(a * a + 1));
  else
    v = __math_log1p(a + a * a / (1 + sqrtl(1 + a * a)));
  return (x < 0 ? -v : v);
}
