#include "trig_impl.h"

// See cos.c. The reduction is exact for every long double, but the result
// carries the extended kernel's own rounding errors (docs/libm.md).
long double cosl(long double x) {
  if (!isfinite(x)) return x - x;
  return cos_ext(x);
}
