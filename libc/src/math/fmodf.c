#include "x87_rem.h"

// Exact; see x87_rem.h. fprem itself gives NaN and invalid for an infinite
// x or a zero y, and returns x unchanged for an infinite y.
float fmodf(float x, float y) {
  unsigned sw;
  return (float)x87_fprem(x, y, &sw);
}
