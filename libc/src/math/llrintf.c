#include "math_impl.h"

// See lrint.c.
long long llrintf(float x) {
  long long r;
  __asm__ volatile("cvtss2si %1, %0" : "=r"(r) : "x"(x));
  return r;
}
