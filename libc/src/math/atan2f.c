#include "ext_impl.h"

// fpatan handles all quadrants and the special cases of C Annex F,
// among them atan2(+-0, -0) = +-pi and atan2(+-inf, -inf) = +-3pi/4.
float atan2f(float y, float x) {
  if (isnan(x) || isnan(y)) return x + y;
  return (float)fpatan(y, x);
}
