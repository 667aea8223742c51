#include "math_impl.h"

// The positive difference: x - y if x > y, else +0; NaNs propagate.
float fdimf(float x, float y) {
  if (isnan(x) || isnan(y)) return x + y;
  return x > y ? x - y : 0;
}
