// The traditional generators. They cannot be seeded (srand() and friends do
// not exist): all draw from arc4random(). The *rand48() functions that take
// their state as an argument remain deterministic, as they must.
#include <stdint.h>
#include <stdlib.h>

int rand(void) { return (int)(arc4random() & RAND_MAX); }

long random(void) { return (long)(arc4random() & 0x7fffffff); }

long lrand48(void) { return (long)(arc4random() & 0x7fffffff); }

long mrand48(void) { return (long)(int32_t)arc4random(); }

double drand48(void) {
  uint64_t v;
  arc4random_buf(&v, sizeof(v));
  return (double)(v >> 16) * 0x1p-48;
}

// X(n+1) = (a * X(n) + c) mod 2^48 over the caller's three 16-bit words.
static uint64_t step(unsigned short x[3]) {
  uint64_t v = (uint64_t)x[0] | (uint64_t)x[1] << 16 | (uint64_t)x[2] << 32;
  v = (v * 0x5deece66d + 0xb) & 0xffffffffffff;
  x[0] = (unsigned short)v;
  x[1] = (unsigned short)(v >> 16);
  x[2] = (unsigned short)(v >> 32);
  return v;
}

double erand48(unsigned short x[3]) { return (double)step(x) * 0x1p-48; }

long nrand48(unsigned short x[3]) { return (long)(step(x) >> 17); }

long jrand48(unsigned short x[3]) { return (long)(int32_t)(uint32_t)(step(x) >> 16); }
