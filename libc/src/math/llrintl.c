#include "math_impl.h"

// See lrintl.c.
long long llrintl(long double x) {
  long long r;
  __asm__ volatile("fistpll %0" : "=m"(r) : "t"(x) : "st");
  return r;
}
