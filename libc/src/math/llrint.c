#include "math_impl.h"

// long long and long have the same 64 bits; see lrint.c.
long long llrint(double x) {
  long long r;
  __asm__ volatile("cvtsd2si %1, %0" : "=r"(r) : "x"(x));
  return r;
}
