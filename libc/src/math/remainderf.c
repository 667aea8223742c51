#include "x87_rem.h"

// x - n*y with n the integer nearest x/y (ties to even); exact.
float remainderf(float x, float y) {
  unsigned sw;
  return (float)x87_fprem1(x, y, &sw);
}
