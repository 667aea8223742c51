#include "math_impl.h"

// See lround.c.
long lroundf(float x) {
  long r;
  x = roundf(x);
  __asm__ volatile("cvttss2si %1, %0" : "=r"(r) : "x"(x));
  return r;
}
