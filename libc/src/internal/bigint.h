// Arbitrary-precision unsigned integers of bounded size, for exact
// conversions between binary floating point and decimal (strtod, printf).
// Sized for the extremes of long double: the decimal expansion of the
// smallest subnormal (about 38000 bits) and the quotients strtold forms
// from up to 12000 significant digits and exponents down to 10^-16950.
#ifndef LIBC_BIGINT_H
#define LIBC_BIGINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BIGINT_WORDS 1800

typedef struct {
  size_t len;                // number of significant words; 0 for zero
  uint32_t w[BIGINT_WORDS];  // little-endian
} bigint_t;

static inline void __bigint_set(bigint_t *b, uint64_t v) {
  b->len = 0;
  while (v != 0) {
    b->w[b->len++] = (uint32_t)v;
    v >>= 32;
  }
}

static inline bool __bigint_is_zero(const bigint_t *b) { return b->len == 0; }

// b = b * m + a.
void __bigint_muladd_small(bigint_t *b, uint32_t m, uint32_t a);
// b *= 10^k and b *= 5^k.
void __bigint_mul_pow10(bigint_t *b, unsigned int k);
void __bigint_mul_pow5(bigint_t *b, unsigned int k);
// b <<= k.
void __bigint_shl(bigint_t *b, unsigned int k);
// Number of significant bits.
size_t __bigint_bitlen(const bigint_t *b);
// b /= d; returns the remainder.
uint32_t __bigint_divmod_small(bigint_t *b, uint32_t d);
// q = floor(n / d) and whether the remainder is nonzero. n is destroyed; d
// must be nonzero.
void __bigint_div(bigint_t *n, const bigint_t *d, bigint_t *q, bool *remainder);
// Returns floor(n / d), which must fit in 128 bits, and whether the
// remainder is nonzero. n is destroyed; d must be nonzero.
unsigned __int128 __bigint_div128(bigint_t *n, const bigint_t *d, bool *remainder);

#endif
