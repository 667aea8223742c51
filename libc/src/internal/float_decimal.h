// Exact decimal expansions of binary floating point values, for printf.
#ifndef LIBC_FLOAT_DECIMAL_H
#define LIBC_FLOAT_DECIMAL_H

#include <stddef.h>
#include <stdint.h>

// Enough for the longest expansion, of the smallest long double subnormal
// times a 64-bit mantissa (about 11514 significant digits).
#define DECIMAL_DIGITS_MAX 11700

// Produces what rounding mantissa * 2^exponent (mantissa != 0) to at most
// `want` significant digits needs: the first want + 1 digits of its exact
// decimal expansion (truncated) as characters '0'..'9', followed by a '1'
// when the rest of the expansion is not zero, with trailing zeros stripped.
// Returns the number of digits; *point receives X with value = 0.digits *
// 10^X. One big division yields just these digits, which is much cheaper
// than the whole expansion of values with large exponents.
size_t __float_decimal_prefix(uint64_t mantissa, int exponent, char *digits, int *point, long want);

// Estimates X (see above) from the binary magnitude: exact or one too low.
int __float_decimal_point_estimate(uint64_t mantissa, int exponent);

// Rounds the digits to the first `keep` of them (which may be zero or
// negative: then the value rounds to zero or to one unit at that position),
// to nearest with ties to even, and strips trailing zeros. Returns the new
// number of digits and updates *point when rounding carries.
size_t __decimal_round(char *digits, size_t n, int *point, long keep);

#endif
