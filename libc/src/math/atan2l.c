#include "ext_impl.h"

// fpatan handles all quadrants and the special cases of C Annex F,
// among them atan2(+-0, -0) = +-pi and atan2(+-inf, -inf) = +-3pi/4.
long double atan2l(long double y, long double x) {
  if (isnan(x) || isnan(y)) return x + y;
  return fpatan(y, x);
}
