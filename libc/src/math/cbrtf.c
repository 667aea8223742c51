#include "ext_impl.h"

// The real cube root. |x| = m * 2^(3q + k), k in {0, 1, 2}: the root of
// m * 2^k in [1/2, 4) by Newton's iteration y <- (2y + v/y^2)/3 from a
// linear first guess (relative error below 0.2), six steps (each squares the
// relative error, so the last is limited by extended rounding), then 2^q.
float cbrtf(float x) {
  if (!isfinite(x) || x == 0) return x + x;
  int e;
  long double m = frexpl(fabsl(x), &e);  // [1/2, 1)
  int q = e >= 0 ? e / 3 : -((-e + 2) / 3), k = e - 3 * q;
  long double v = scalbnl(m, k);
  long double y = 0.6L + 0.35L * v;
  for (int i = 0; i < 6; i++) y = (2 * y + v / (y * y)) / 3;
  y = scalbnl(y, q);
  return (float)(x < 0 ? -y : y);
}
