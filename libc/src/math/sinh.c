#include "ext_impl.h"

// sinh x = (E + E/(E + 1))/2 with E = e^|x| - 1, which loses nothing for
// small |x|, and e^|x| / 2 (scaled inside the exponential, so that only a
// result beyond the format overflows) for large |x|.
double sinh(double x) {
  if (!isfinite(x) || x == 0) return x + x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabs(x) < DBL_MIN) force_eval(x * x);
  long double a = fabsl(x);
  long double v;
  if (a > 40) {  // e^-a is below 2^-115 e^a: sinh is e^a / 2
    v = __math_exp_scaled(a, -1);
  } else {
    long double e = __math_expm1(a);
    v = a < 1 ? (e + e / (e + 1)) / 2 : (e + 1) / 2 - 0.5L / (e + 1);
  }
  return (double)(x < 0 ? -v : v);
}
