#include "ext_impl.h"

// Argument reduction for sin, cos and tan: x = n*pi/2 + r.
//
// |x| < 2^20: Cody and Waite's method. n = nearest(x*2/pi) < 2^20 and pi/2 is
// split into 40 + 40 + 64 bits (tables.h), so n*PIO2_1 and n*PIO2_2 are
// exact and so are both subtractions of them (each pair is within a factor
// of two, or the first operand dominates). Only the last subtraction rounds,
// and the split's error is n * 2^-140: r is good to about 2^-64 relative
// for every double x, whose distance to a multiple of pi/2 is at least
// 2^-61 |x| there.
//
// Otherwise Payne and Hanek's method: x = M * 2^E with an integer M of at
// most 64 bits; only the bits of 2/pi from about 2^(1-E) down contribute
// anything but a multiple of 4 to x*2/pi, so M times 240 of them (from the
// table) gives n mod 4 and a fraction with at least 160 correct bits: enough
// for 64 significant bits even after the 61 leading zeros of the closest
// double to a multiple of pi/2.
static int payne_hanek(long double x, long double *r) {
  union ldshape u = ldbits(x);
  uint64_t m = u.i.m;
  int e = (u.i.se & 0x7fff) - 16383 - 63;  // x = m * 2^e, e >= 0 here
  // Skip the chunks of 2/pi whose products with m are multiples of 4.
  int i0 = e >= 2 ? (e - 2) / 24 : 0;
  // m in base 2^24 (three digits, 64 bits), times 10 chunks: 13 digits.
  uint32_t md[3] = {(uint32_t)(m & 0xffffff), (uint32_t)((m >> 24) & 0xffffff),
                    (uint32_t)(m >> 48)};
  uint64_t acc[13] = {0};  // acc[k]: weight 2^(24k) in P = m * C
  for (int a = 0; a < 3; a++)
    for (int b = 0; b < 10; b++)  // chunk i0 + b has weight 2^(24 (9 - b)) in C
      acc[a + 9 - b] += (uint64_t)md[a] * __two_over_pi_bits[i0 + b];
  uint32_t d[13];
  uint64_t carry = 0;
  for (int k = 0; k < 13; k++) {
    uint64_t v = acc[k] + carry;
    d[k] = (uint32_t)(v & 0xffffff);
    carry = v >> 24;
  }
  // x*2/pi = P * 2^(e - 24 (i0 + 10)): the binary point is bit bp of P.
  int bp = 24 * (i0 + 10) - e;
  // Read P's bits [bp - 128, bp + 2) (n mod 4 and 128 fraction bits).
#define BIT_AT(pos) ((pos) < 0 || (pos) >= 312 ? 0u : (d[(pos) / 24] >> ((pos) % 24)) & 1u)
  unsigned n = BIT_AT(bp) | BIT_AT(bp + 1) << 1;
  uint64_t fhi = 0, flo = 0;
  for (int k = 1; k <= 64; k++) fhi = fhi << 1 | BIT_AT(bp - k);
  for (int k = 65; k <= 128; k++) flo = flo << 1 | BIT_AT(bp - k);
#undef BIT_AT
  int neg = 0;
  if (fhi >> 63) {  // fraction >= 1/2: take n + 1 and the fraction minus 1
    n++;
    neg = 1;
    flo = ~flo + 1;
    fhi = ~fhi + (flo == 0);
  }
  // Normalize the 128-bit fraction so that its high word has 64 bits.
  int lz = fhi != 0 ? __builtin_clzll(fhi) : 64 + (flo != 0 ? __builtin_clzll(flo) : 0);
  if (lz >= 128) {
    *r = 0;
  } else {
    unsigned __int128 f = ((unsigned __int128)fhi << 64 | flo) << lz;
    long double f_hi = scalbnl((long double)(uint64_t)(f >> 64), -64 - lz);
    long double f_lo = scalbnl((long double)(uint64_t)f, -128 - lz);
    long double v = f_hi * PIO2_HI + (f_hi * PIO2_LO + f_lo * PIO2_HI);
    *r = neg ? -v : v;
  }
  return (int)(n & 3);
}

int __math_rem_pio2(long double x, long double *r) {
  long double ax = fabsl(x);
  if (ax <= 0x1.921fb54442d18p-1L) {  // pi/4
    *r = x;
    return 0;
  }
  if (ax < 0x1p20L) {
    long double t = x * INV_PIO2;
    long n = (long)(t < 0 ? t - 0.5L : t + 0.5L);
    *r = ((x - n * PIO2_1) - n * PIO2_2) - n * PIO2_3;
    return (int)(n & 3);
  }
  int n = payne_hanek(ax, r);
  if (x < 0) {
    *r = -*r;
    n = -n;
  }
  return n & 3;
}
