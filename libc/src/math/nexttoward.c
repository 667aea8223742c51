#include "math_impl.h"

// nextafter with the direction given in long double, which holds every
// double exactly: only the comparison needs the wide type.
double nexttoward(double x, long double y) {
  if (isnan(x) || isnan(y)) return (double)(x + y);
  if ((long double)x == y) return (double)y;
  return nextafter(x, (long double)x < y ? INFINITY : -INFINITY);
}
