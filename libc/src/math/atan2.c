#include "ext_impl.h"

// fpatan handles all quadrants and the special cases of C Annex F,
// among them atan2(+-0, -0) = +-pi and atan2(+-inf, -inf) = +-3pi/4.
double atan2(double y, double x) {
  if (isnan(x) || isnan(y)) return x + y;
  return (double)fpatan(y, x);
}
