#include "trig_impl.h"

// Infinities give NaN (invalid).
double cos(double x) {
  if (!isfinite(x)) return x - x;
  return (double)cos_ext(x);
}
