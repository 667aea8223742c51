#include "math_impl.h"

// cvtsd2si rounds in the current mode, raises inexact for a fraction, and
// for NaN or a value outside long's range raises invalid and returns
// LONG_MIN (the result C leaves unspecified there).
long lrint(double x) {
  long r;
  __asm__ volatile("cvtsd2si %1, %0" : "=r"(r) : "x"(x));
  return r;
}
