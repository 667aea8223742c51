#include "ext_impl.h"

// cosh x = 1 + E^2/(2(E + 1)) with E = e^|x| - 1 for small |x|, else
// (e^|x| + e^-|x|)/2.
long double coshl(long double x) {
  if (isnan(x)) return x + x;
  if (isinf(x)) return fabsl(x);
  long double a = fabsl(x);
  long double v;
  if (a > 40) {  // e^-a is below 2^-115 e^a: cosh is e^a / 2
    v = __math_exp_scaled(a, -1);
  } else {
    long double e = __math_expm1(a);
    v = a < 1 ? 1 + e * e / (2 * (e + 1)) : (e + 1) / 2 + 0.5L / (e + 1);
  }
  return v;
}
