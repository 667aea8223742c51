#include "math_impl.h"

// See lround.c.
long long llround(double x) {
  long long r;
  x = round(x);
  __asm__ volatile("cvttsd2si %1, %0" : "=r"(r) : "x"(x));
  return r;
}
