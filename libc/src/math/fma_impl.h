// The exact core of fma, fmaf and fmal. x86-64 does not guarantee an FMA
// instruction, and no sequence of rounded operations gives a correctly
// rounded x*y+z in every case, so this works in integers: the product of two
// significands (at most 64 bits each) is exact in 128 bits; both it and z's
// significand are placed in a 256-bit window with their leading bits at the
// same position, the smaller one is shifted right with the bits it loses
// "jammed" into its lowest bit (sticky), and the exact sum or difference is
// rounded once, to the target format, in the current rounding mode.
//
// Why the jam is enough: both operands carry at least 126 zero bits at the
// bottom of the window before the shift, so nothing is lost unless the
// exponents differ by more than 125, and then the result keeps at least 250
// significant bits; the rounding position lies far above bit 0 and only
// needs to know whether anything nonzero lies below it.
#ifndef LIBC_MATH_FMA_IMPL_H
#define LIBC_MATH_FMA_IMPL_H

#include "math_impl.h"

// A finite nonzero value (-1)^neg * m * 2^e, m an integer.
struct fma_num {
  int neg;
  uint64_t m;
  int e;
};

// The target format: p significand bits, least normal exponent emin, largest
// exponent emax (of the leading bit).
struct fma_fmt {
  int p, emin, emax;
};

// The rounded result: (-1)^neg * m * 2^(exp - p + 1) for normal values with
// m in [2^(p-1), 2^p); subnormal results have exp = emin - 1 and m < 2^(p-1);
// an overflow sets `inf` (or returns the largest finite value in m/exp when
// the rounding mode says so).
struct fma_result {
  int neg;
  int inf;
  uint64_t m;
  int exp;
};

typedef struct {
  uint64_t w[4];  // little-endian limbs
} u256;

static inline int u256_is_zero(const u256 *a) {
  return (a->w[0] | a->w[1] | a->w[2] | a->w[3]) == 0;
}

// The index of the highest set bit; a must be nonzero.
static inline int u256_msb(const u256 *a) {
  for (int i = 3;; i--)
    if (a->w[i] != 0) return i * 64 + 63 - __builtin_clzll(a->w[i]);
}

static inline int u256_bit(const u256 *a, int n) { return (int)((a->w[n / 64] >> (n % 64)) & 1); }

// Whether any bit below bit n is set.
static inline int u256_any_below(const u256 *a, int n) {
  for (int i = 0; i < n / 64; i++)
    if (a->w[i] != 0) return 1;
  return n % 64 != 0 && (a->w[n / 64] & ((UINT64_C(1) << (n % 64)) - 1)) != 0;
}

static inline void u256_shl(u256 *a, int n) {
  while (n >= 64) {
    a->w[3] = a->w[2], a->w[2] = a->w[1], a->w[1] = a->w[0], a->w[0] = 0;
    n -= 64;
  }
  if (n == 0) return;
  for (int i = 3; i > 0; i--) a->w[i] = (a->w[i] << n) | (a->w[i - 1] >> (64 - n));
  a->w[0] <<= n;
}

// Shifts right; if any set bit falls off, sets the lowest bit.
static inline void u256_shr_jam(u256 *a, int n) {
  if (n == 0) return;
  if (n >= 256) {
    int any = !u256_is_zero(a);
    *a = (u256){{(uint64_t)any, 0, 0, 0}};
    return;
  }
  int lost = u256_any_below(a, n);
  while (n >= 64) {
    a->w[0] = a->w[1], a->w[1] = a->w[2], a->w[2] = a->w[3], a->w[3] = 0;
    n -= 64;
  }
  if (n != 0) {
    for (int i = 0; i < 3; i++) a->w[i] = (a->w[i] >> n) | (a->w[i + 1] << (64 - n));
    a->w[3] >>= n;
  }
  a->w[0] |= (uint64_t)lost;
}

static inline void u256_add(u256 *a, const u256 *b) {
  unsigned carry = 0;
  for (int i = 0; i < 4; i++) {
    uint64_t s = a->w[i] + b->w[i];
    unsigned c1 = s < a->w[i];
    uint64_t t = s + carry;
    unsigned c2 = t < s;
    a->w[i] = t;
    carry = c1 | c2;
  }
}

// a -= b, with a >= b.
static inline void u256_sub(u256 *a, const u256 *b) {
  unsigned borrow = 0;
  for (int i = 0; i < 4; i++) {
    uint64_t d = a->w[i] - b->w[i];
    unsigned b1 = a->w[i] < b->w[i];
    uint64_t t = d - borrow;
    unsigned b2 = d < borrow;
    a->w[i] = t;
    borrow = b1 | b2;
  }
}

static inline int u256_cmp(const u256 *a, const u256 *b) {
  for (int i = 3; i >= 0; i--)
    if (a->w[i] != b->w[i]) return a->w[i] < b->w[i] ? -1 : 1;
  return 0;
}

// Bits [n, n + 64) of a (zeros above bit 255), for 0 <= n < 256.
static inline uint64_t u256_bits_at(const u256 *a, int n) {
  int i = n / 64, k = n % 64;
  uint64_t lo = a->w[i] >> k;
  if (k != 0 && i < 3) lo |= a->w[i + 1] << (64 - k);
  return lo;
}

// Rounds s * 2^e_s to a multiple of 2^lsb (lsb > e_s) in `mode` and returns
// the multiple, which has at most p bits: when rounding carries it up to
// 2^p, *carry is set and 2^(p-1) is returned (the caller moves lsb up one).
// *inexact tells whether anything was dropped.
static inline uint64_t fma_round_at(const u256 *s, int e_s, int lsb, int p, int neg, int mode,
                                    int *inexact, int *carry) {
  int sh = lsb - e_s;  // at least 63 (see fma_core)
  uint64_t m = 0;
  int half = 0, sticky = 1;  // a tiny s far below the rounding position
  if (sh <= 256) {
    m = sh < 256 ? u256_bits_at(s, sh) : 0;
    half = u256_bit(s, sh - 1);
    sticky = u256_any_below(s, sh - 1);
  }
  *inexact = half || sticky;
  int up = 0;
  switch (mode) {
    case FE_TONEAREST:
      up = half && (sticky || (m & 1));
      break;
    case FE_UPWARD:
      up = *inexact && !neg;
      break;
    case FE_DOWNWARD:
      up = *inexact && neg;
      break;
    default:
      break;
  }
  *carry = 0;
  if (up) {
    m++;
    if (p == 64 ? m == 0 : m == UINT64_C(1) << p) {
      *carry = 1;
      m = UINT64_C(1) << (p - 1);
    }
  }
  return m;
}

// x*y + z for finite nonzero x, y, z.
static inline struct fma_result fma_core(struct fma_num x, struct fma_num y, struct fma_num z,
                                         struct fma_fmt f, int mode) {
  struct fma_result r = {0, 0, 0, 0};
  unsigned __int128 prod = (unsigned __int128)x.m * y.m;
  u256 a = {{(uint64_t)prod, (uint64_t)(prod >> 64), 0, 0}};
  u256 b = {{z.m, 0, 0, 0}};
  int neg_a = x.neg ^ y.neg, neg_b = z.neg;
  // Leading bits at position 253: room for the carry of an addition.
  int sa = 253 - u256_msb(&a), sb = 253 - u256_msb(&b);
  u256_shl(&a, sa);
  u256_shl(&b, sb);
  int ea = x.e + y.e - sa, eb = z.e - sb;  // value = a * 2^ea, b * 2^eb
  if (ea < eb) {
    u256 t = a;
    a = b, b = t;
    int te = ea;
    ea = eb, eb = te;
    int tn = neg_a;
    neg_a = neg_b, neg_b = tn;
  }
  u256_shr_jam(&b, ea - eb);
  int neg = neg_a;
  if (neg_a == neg_b) {
    u256_add(&a, &b);
  } else if (u256_cmp(&a, &b) >= 0) {
    u256_sub(&a, &b);
  } else {
    u256_sub(&b, &a);
    a = b;
    neg = neg_b;
  }
  r.neg = neg;
  if (u256_is_zero(&a)) {  // exact cancellation: +0, or -0 when rounding down
    r.neg = mode == FE_DOWNWARD;
    r.exp = f.emin - 1;
    return r;
  }
  int e = u256_msb(&a) + ea;  // exponent of the leading bit
  int lsb = (e < f.emin ? f.emin : e) - f.p + 1;
  int inexact, carry;
  uint64_t m = fma_round_at(&a, ea, lsb, f.p, neg, mode, &inexact, &carry);
  lsb += carry;
  int tiny = 0;
  if (m < (UINT64_C(1) << (f.p - 1))) {
    r.exp = f.emin - 1;  // subnormal (or zero after rounding)
    // x86 detects tininess after rounding: with an unbounded exponent the
    // value might still round up to the least normal number.
    tiny = 1;
    if (e == f.emin - 1) {
      int ignored, wide_carry;
      fma_round_at(&a, ea, e - f.p + 1, f.p, neg, mode, &ignored, &wide_carry);
      tiny = !wide_carry;
    }
  } else {
    r.exp = lsb + f.p - 1;
  }
  r.m = m;
  if (r.exp > f.emax) {
    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    int to_inf =
        mode == FE_TONEAREST || (mode == FE_UPWARD && !neg) || (mode == FE_DOWNWARD && neg);
    if (to_inf) {
      r.inf = 1;
    } else {
      r.exp = f.emax;
      r.m = f.p == 64 ? ~UINT64_C(0) : (UINT64_C(1) << f.p) - 1;
    }
    return r;
  }
  if (inexact) feraiseexcept(tiny ? FE_UNDERFLOW | FE_INEXACT : FE_INEXACT);
  return r;
}

#endif
