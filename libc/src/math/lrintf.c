#include "math_impl.h"

// See lrint.c.
long lrintf(float x) {
  long r;
  __asm__ volatile("cvtss2si %1, %0" : "=r"(r) : "x"(x));
  return r;
}
