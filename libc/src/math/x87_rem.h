// Exact remainders with the x87 partial-remainder instructions. fprem
// (truncated quotient, for fmod) and fprem1 (quotient rounded to nearest
// even, for remainder) reduce the exponent difference by at most 63 per
// step and set C2 while more steps are needed. Every double and float is
// exactly a long double and so is every remainder of two of them, so the
// float and double functions use these too. The last step leaves the low
// three bits of the quotient in C0, C3 and C1, which is what remquo needs.
#ifndef LIBC_MATH_X87_REM_H
#define LIBC_MATH_X87_REM_H

#include "math_impl.h"

#define X87_C0 0x0100
#define X87_C1 0x0200
#define X87_C2 0x0400
#define X87_C3 0x4000

// Returns x mod y; *sw gets the status word after the last step.
static inline long double x87_fprem(long double x, long double y, unsigned *sw) {
  unsigned short s;
  do {
    __asm__("fprem\n\tfnstsw %%ax" : "+t"(x), "=a"(s) : "u"(y));
  } while (s & X87_C2);
  *sw = s;
  return x;
}

static inline long double x87_fprem1(long double x, long double y, unsigned *sw) {
  unsigned short s;
  do {
    __asm__("fprem1\n\tfnstsw %%ax" : "+t"(x), "=a"(s) : "u"(y));
  } while (s & X87_C2);
  *sw = s;
  return x;
}

// The quotient bits remquo reports: the low three, with the sign of x/y.
static inline int x87_quotient(unsigned sw, int negative) {
  int q = ((sw & X87_C0) ? 4 : 0) | ((sw & X87_C3) ? 2 : 0) | ((sw & X87_C1) ? 1 : 0);
  return negative ? -q : q;
}

#endif
