#include "ext_impl.h"

// erfc x: 1 - erf x below 1/2 (at most 1.52, no cancellation), the table
// expansion or asymptotic series above (erf_core.c), 2 - erfc|x| for
// x <= -1/2; it underflows (correctly rounded, with the flags) beyond the
// format.
float erfcf(float x) {
  if (isnan(x)) return x + x;
  if (isinf(x)) return x > 0 ? 0 : 2;
  long double a = x;
  if (a > -0.5L && a < 0.5L) return (float)(1 - __math_erf_small(a));
  if (a < 0) return (float)(a < -6 ? 2 - 0x1p-100L : 2 - __math_erfc_large(-a));
  if (a > 107) return (float)(0x1p-16382L * 0x1p-100L);
  return (float)__math_erfc_large(a);
}
