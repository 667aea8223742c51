#include "ext_impl.h"

// Taylor series on |r| <= pi/4 + 2^-10 (< 0.787):
//   sin r = r - r^3/3! + ... - r^19/19! + r^21/21!  (first omitted term
//   r^23/23! < 2^-81, relative to sin r >= 0.64 r: below 2^-80),
//   cos r = 1 - r^2/2! + ... + r^20/20!  (first omitted r^22/22! < 2^-76).
// Summed by Horner's rule from the smallest term.
long double __math_sin_kernel(long double r) {
  const long double *c = __inv_factorial;
  long double z = r * r;
  long double p = c[21];
  for (int k = 19; k >= 3; k -= 2) p = ((k & 2) ? -c[k] : c[k]) + z * p;
  return r + r * z * p;
}

long double __math_cos_kernel(long double r) {
  const long double *c = __inv_factorial;
  long double z = r * r;
  long double p = c[20];
  for (int k = 18; k >= 2; k -= 2) p = ((k & 2) ? -c[k] : c[k]) + z * p;
  return 1 + z * p;
}
