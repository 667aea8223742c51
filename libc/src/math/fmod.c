#include "x87_rem.h"

// Exact; see x87_rem.h. fprem itself gives NaN and invalid for an infinite
// x or a zero y, and returns x unchanged for an infinite y.
double fmod(double x, double y) {
  unsigned sw;
  return (double)x87_fprem(x, y, &sw);
}
