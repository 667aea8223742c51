#include "math_impl.h"

// Correctly rounded in hardware, see sqrt.c.
float sqrtf(float x) {
  __asm__("sqrtss %1, %0" : "=x"(x) : "x"(x));
  return x;
}
