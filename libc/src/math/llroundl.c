#include "math_impl.h"

// See lroundl.c.
long long llroundl(long double x) {
  long long r;
  x = roundl(x);
  __asm__ volatile("fistpll %0" : "=m"(r) : "t"(x) : "st");
  return r;
}
