// Binary floating point formats and their exact conversion helpers.
#ifndef LIBC_FLOATCONV_H
#define LIBC_FLOATCONV_H

#include <stdbool.h>
#include <stdint.h>

enum float_format { FORMAT_FLOAT, FORMAT_DOUBLE, FORMAT_LDOUBLE };

// x86-64's long double: the x87 80-bit extended format with an explicit
// integer bit, stored in the low ten bytes.
union ldouble_bits {
  long double value;
  struct {
    uint64_t mantissa;
    uint16_t sign_exponent;
  } parts;
};

// Rounds q * 2^bexp to the nearest value of the format (ties to even) and
// returns it as a long double, which holds every float and double exactly.
// `sticky` says that the exact value exceeds q * 2^bexp by a fraction of
// the weight of q's lowest bit; callers passing it provide at least two
// more bits in q than the format's precision. *range_error is set on
// overflow and on inexact results in the subnormal range.
long double __float_round(unsigned __int128 q, long bexp, bool sticky, bool negative,
                          enum float_format format, bool *range_error);

// A finite, infinite or NaN value taken apart: value = mantissa * 2^exponent.
enum float_kind { KIND_ZERO, KIND_FINITE, KIND_INFINITE, KIND_NAN };
struct float_parts {
  enum float_kind kind;
  bool negative;
  uint64_t mantissa;
  int exponent;
  int precision;  // bits of the format's significand (53 or 64)
};
void __float_parts_double(double value, struct float_parts *parts);
void __float_parts_ldouble(long double value, struct float_parts *parts);

#endif
