#include "floatconv.h"

static const struct {
  long precision, emin, emax;
} formats[] = {
    [FORMAT_FLOAT] = {24, -126, 127},
    [FORMAT_DOUBLE] = {53, -1022, 1023},
    [FORMAT_LDOUBLE] = {64, -16382, 16383},
};

static int bitlen128(unsigned __int128 v) {
  uint64_t high = (uint64_t)(v >> 64);
  if (high != 0) return 128 - __builtin_clzll(high);
  uint64_t low = (uint64_t)v;
  return low != 0 ? 64 - __builtin_clzll(low) : 0;
}

static long double make_ldouble(bool negative, unsigned __int128 mantissa, long exponent) {
  union ldouble_bits bits;
  if (mantissa >> 64 != 0) {
    // Only 2^64 (a carry out of 64 bits) gets here; it halves exactly.
    mantissa >>= 1;
    ++exponent;
  }
  uint64_t m = (uint64_t)mantissa;
  int lz = __builtin_clzll(m);
  long top = exponent + 63 - lz;
  if (top >= -16382) {
    bits.parts.mantissa = m << lz;
    bits.parts.sign_exponent = (uint16_t)(top + 16383);
  } else {
    // A subnormal long double: the mantissa counts units of 2^-16445.
    bits.parts.mantissa = m << (exponent + 16445);
    bits.parts.sign_exponent = 0;
  }
  if (negative) bits.parts.sign_exponent |= 0x8000;
  return bits.value;
}

long double __float_round(unsigned __int128 q, long bexp, bool sticky, bool negative,
                          enum float_format format, bool *range_error) {
  long precision = formats[format].precision, emin = formats[format].emin,
       emax = formats[format].emax;
  long length = bitlen128(q);
  long top = length - 1 + bexp;
  // Below the normal range the format has fewer significant bits.
  long keep = top >= emin ? precision : precision - (emin - top);
  long shift = length - keep;
  unsigned __int128 mantissa;
  bool inexact;
  if (shift > 0) {
    bool round, rest;
    if (shift > 128) {
      mantissa = 0;
      round = false;
      rest = true;
    } else if (shift == 128) {
      mantissa = 0;
      round = (q >> 127) != 0;
      rest = (q << 1) != 0;
    } else {
      mantissa = q >> shift;
      round = ((q >> (shift - 1)) & 1) != 0;
      rest = (q & (((unsigned __int128)1 << (shift - 1)) - 1)) != 0;
    }
    rest = rest || sticky;
    inexact = round || rest;
    if (round && (rest || (mantissa & 1) != 0)) ++mantissa;
  } else {
    mantissa = q << -shift;
    inexact = sticky;
  }
  long exponent = bexp + shift;
  if (mantissa == 0) {
    *range_error = true;
    return negative ? -0.0L : 0.0L;
  }
  long final_top = bitlen128(mantissa) - 1 + exponent;
  if (final_top > emax) {
    *range_error = true;
    return negative ? -__builtin_huge_vall() : __builtin_huge_vall();
  }
  if (final_top < emin && inexact) *range_error = true;
  return make_ldouble(negative, mantissa, exponent);
}

void __float_parts_double(double value, struct float_parts *parts) {
  uint64_t bits;
  __builtin_memcpy(&bits, &value, sizeof(bits));
  parts->negative = (bits >> 63) != 0;
  parts->precision = 53;
  uint64_t fraction = bits & (((uint64_t)1 << 52) - 1);
  int biased = (int)(bits >> 52 & 0x7ff);
  if (biased == 0x7ff) {
    parts->kind = fraction == 0 ? KIND_INFINITE : KIND_NAN;
  } else if (biased == 0) {
    parts->kind = fraction == 0 ? KIND_ZERO : KIND_FINITE;
    parts->mantissa = fraction;
    parts->exponent = -1074;
  } else {
    parts->kind = KIND_FINITE;
    parts->mantissa = fraction | (uint64_t)1 << 52;
    parts->exponent = biased - 1075;
  }
}

void __float_parts_ldouble(long double value, struct float_parts *parts) {
  union ldouble_bits bits = {.value = value};
  parts->negative = (bits.parts.sign_exponent & 0x8000) != 0;
  parts->precision = 64;
  int biased = bits.parts.sign_exponent & 0x7fff;
  uint64_t m = bits.parts.mantissa;
  if (biased == 0x7fff) {
    // Infinity has only the integer bit set; anything else is a NaN
    // (including the invalid pseudo-infinities and pseudo-NaNs).
    parts->kind = m == (uint64_t)1 << 63 ? KIND_INFINITE : KIND_NAN;
  } else if (biased == 0) {
    parts->kind = m == 0 ? KIND_ZERO : KIND_FINITE;
    parts->mantissa = m;
    parts->exponent = -16445;
  } else if ((m >> 63) == 0) {
    // An unnormal (integer bit clear with a nonzero exponent): the hardware
    // treats it as invalid, so it prints as a NaN.
    parts->kind = KIND_NAN;
  } else {
    parts->kind = KIND_FINITE;
    parts->mantissa = m;
    parts->exponent = biased - 16383 - 63;
  }
}
