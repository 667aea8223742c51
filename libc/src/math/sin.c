#include "trig_impl.h"

// Infinities give NaN (invalid); +-0 is returned as it is.
double sin(double x) {
  if (!isfinite(x)) return x - x;
  if (x == 0) return x;
  // A subnormal argument gives a tiny inexact result: raise underflow.
  if (fabs(x) < DBL_MIN) force_eval(x * x);
  return (double)sin_ext(x);
}
