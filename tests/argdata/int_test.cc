// Integers: minimal encodings at every byte width, ranges and ERANGE.

#include <gtest/gtest.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <string>

#include "test_util.h"

namespace argdata_test {
namespace {

// Payload length (without tag) of the encoding of a signed value.
size_t EncodedWidth(intmax_t v) {
  Ad ad(argdata_create_int_s(v));
  return Serialize(ad.get()).size() - 1;
}

size_t EncodedWidthU(uintmax_t v) {
  Ad ad(argdata_create_int_u(v));
  return Serialize(ad.get()).size() - 1;
}

intmax_t RoundTripS(intmax_t v) {
  Ad ad(argdata_create_int_s(v));
  Decoded d = Decode(Serialize(ad.get()));
  intmax_t got = 0;
  EXPECT_EQ(argdata_get_int_s(d.get(), &got, INTMAX_MIN, INTMAX_MAX), 0);
  return got;
}

uintmax_t RoundTripU(uintmax_t v) {
  Ad ad(argdata_create_int_u(v));
  Decoded d = Decode(Serialize(ad.get()));
  uintmax_t got = 0;
  EXPECT_EQ(argdata_get_int_u(d.get(), &got, UINTMAX_MAX), 0);
  return got;
}

TEST(ArgdataInt, SignedBoundariesAtEveryWidth) {
  for (int bytes = 1; bytes <= 8; ++bytes) {
    SCOPED_TRACE(bytes);
    // Largest and smallest values representable in `bytes' bytes.
    intmax_t max = bytes == 8 ? INTMAX_MAX : (intmax_t{1} << (8 * bytes - 1)) - 1;
    intmax_t min = -max - 1;
    EXPECT_EQ(EncodedWidth(max), static_cast<size_t>(bytes));
    EXPECT_EQ(EncodedWidth(min), static_cast<size_t>(bytes));
    EXPECT_EQ(RoundTripS(max), max);
    EXPECT_EQ(RoundTripS(min), min);
    if (bytes < 8) {
      EXPECT_EQ(EncodedWidth(max + 1), static_cast<size_t>(bytes + 1));
      EXPECT_EQ(EncodedWidth(min - 1), static_cast<size_t>(bytes + 1));
      EXPECT_EQ(RoundTripS(max + 1), max + 1);
      EXPECT_EQ(RoundTripS(min - 1), min - 1);
    }
  }
  EXPECT_EQ(EncodedWidth(0), 0u);
}

TEST(ArgdataInt, ExtremeEncodings) {
  Ad min(argdata_create_int_s(INTMAX_MIN));
  EXPECT_EQ(SerializeHex(min.get()), "05 80 00 00 00 00 00 00 00");
  Ad max(argdata_create_int_s(INTMAX_MAX));
  EXPECT_EQ(SerializeHex(max.get()), "05 7f ff ff ff ff ff ff ff");
  Ad umax(argdata_create_int_u(UINTMAX_MAX));
  EXPECT_EQ(SerializeHex(umax.get()), "05 00 ff ff ff ff ff ff ff ff");
  Ad top(argdata_create_int_u(uintmax_t{1} << 63));
  EXPECT_EQ(SerializeHex(top.get()), "05 00 80 00 00 00 00 00 00 00");
}

TEST(ArgdataInt, UnsignedBoundariesAtEveryWidth) {
  for (int bytes = 1; bytes <= 8; ++bytes) {
    SCOPED_TRACE(bytes);
    uintmax_t all_ones = bytes == 8 ? UINTMAX_MAX : (uintmax_t{1} << (8 * bytes)) - 1;
    uintmax_t half = all_ones >> 1;  // top bit clear: no leading zero
    EXPECT_EQ(EncodedWidthU(half), static_cast<size_t>(bytes));
    EXPECT_EQ(EncodedWidthU(half + 1), static_cast<size_t>(bytes + 1));
    EXPECT_EQ(EncodedWidthU(all_ones), static_cast<size_t>(bytes + 1));
    EXPECT_EQ(RoundTripU(half), half);
    EXPECT_EQ(RoundTripU(half + 1), half + 1);
    EXPECT_EQ(RoundTripU(all_ones), all_ones);
  }
  // Unsigned and signed constructors agree where both apply.
  for (uintmax_t v : {uintmax_t{0}, uintmax_t{1}, uintmax_t{127}, uintmax_t{128}, uintmax_t{65535},
                      uintmax_t{INTMAX_MAX}}) {
    Ad s(argdata_create_int_s(static_cast<intmax_t>(v)));
    Ad u(argdata_create_int_u(v));
    EXPECT_EQ(Serialize(s.get()), Serialize(u.get()));
  }
}

TEST(ArgdataInt, RangeChecks) {
  Decoded d = DecodeHex("05 00 80");  // 128
  intmax_t s = 0;
  uintmax_t u = 0;
  EXPECT_EQ(argdata_get_int_s(d.get(), &s, 0, 128), 0);
  EXPECT_EQ(s, 128);
  s = 7;
  EXPECT_EQ(argdata_get_int_s(d.get(), &s, 0, 127), ERANGE);
  EXPECT_EQ(argdata_get_int_s(d.get(), &s, 129, 200), ERANGE);
  EXPECT_EQ(s, 7);  // untouched on error
  EXPECT_EQ(argdata_get_int_u(d.get(), &u, 128), 0);
  EXPECT_EQ(u, 128u);
  EXPECT_EQ(argdata_get_int_u(d.get(), &u, 127), ERANGE);

  // Negative values are out of range for the unsigned getter.
  u = 5;
  EXPECT_EQ(argdata_get_int_u(DecodeHex("05 ff").get(), &u, UINTMAX_MAX), ERANGE);
  EXPECT_EQ(argdata_get_int_u(DecodeHex("05 80 00 00 00 00 00 00 00").get(), &u, UINTMAX_MAX),
            ERANGE);
  EXPECT_EQ(u, 5u);
  EXPECT_EQ(argdata_get_int_s(DecodeHex("05 ff").get(), &s, -1, -1), 0);
  EXPECT_EQ(s, -1);
  EXPECT_EQ(argdata_get_int_s(DecodeHex("05 ff").get(), &s, 0, 10), ERANGE);

  // 2^63 does not fit intmax_t but fits uintmax_t.
  Decoded big = DecodeHex("05 00 80 00 00 00 00 00 00 00");
  EXPECT_EQ(argdata_get_int_s(big.get(), &s, INTMAX_MIN, INTMAX_MAX), ERANGE);
  EXPECT_EQ(argdata_get_int_u(big.get(), &u, UINTMAX_MAX), 0);
  EXPECT_EQ(u, uintmax_t{1} << 63);
  // 2^64 fits neither.
  Decoded huge = DecodeHex("05 01 00 00 00 00 00 00 00 00");
  EXPECT_EQ(argdata_get_int_s(huge.get(), &s, INTMAX_MIN, INTMAX_MAX), ERANGE);
  EXPECT_EQ(argdata_get_int_u(huge.get(), &u, UINTMAX_MAX), ERANGE);
  // Nor does -2^63 - 1.
  Decoded tiny = DecodeHex("05 ff 7f ff ff ff ff ff ff ff");
  EXPECT_EQ(argdata_get_int_s(tiny.get(), &s, INTMAX_MIN, INTMAX_MAX), ERANGE);
  EXPECT_EQ(argdata_get_int_u(tiny.get(), &u, UINTMAX_MAX), ERANGE);
  // A 20-byte integer is still an integer, just out of range.
  Decoded long_int = DecodeHex("05 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14");
  EXPECT_EQ(argdata_get_int_s(long_int.get(), &s, INTMAX_MIN, INTMAX_MAX), ERANGE);
  EXPECT_EQ(argdata_get_int_u(long_int.get(), &u, UINTMAX_MAX), ERANGE);
}

TEST(ArgdataInt, NonMinimalEncodingsWithinEightBytesAreAccepted) {
  intmax_t s = 0;
  uintmax_t u = 0;
  EXPECT_EQ(argdata_get_int_s(DecodeHex("05 00 00 01").get(), &s, INTMAX_MIN, INTMAX_MAX), 0);
  EXPECT_EQ(s, 1);
  EXPECT_EQ(argdata_get_int_s(DecodeHex("05 ff ff").get(), &s, INTMAX_MIN, INTMAX_MAX), 0);
  EXPECT_EQ(s, -1);
  EXPECT_EQ(argdata_get_int_u(DecodeHex("05 00 00 00 07").get(), &u, UINTMAX_MAX), 0);
  EXPECT_EQ(u, 7u);
  // More than eight bytes (nine for a leading 00 in the unsigned getter) is
  // out of range even if the value would fit.
  Decoded nine = DecodeHex("05 00 00 00 00 00 00 00 00 01");
  EXPECT_EQ(argdata_get_int_s(nine.get(), &s, INTMAX_MIN, INTMAX_MAX), ERANGE);
  EXPECT_EQ(argdata_get_int_u(nine.get(), &u, UINTMAX_MAX), 0);
  EXPECT_EQ(u, 1u);
  Decoded ten = DecodeHex("05 00 00 00 00 00 00 00 00 00 01");
  EXPECT_EQ(argdata_get_int_u(ten.get(), &u, UINTMAX_MAX), ERANGE);
}

TEST(ArgdataInt, WrongTypeIsEinval) {
  intmax_t s = 3;
  uintmax_t u = 3;
  for (const char *hex :
       {"", "01", "02 01", "04 00 00 00 00 00 00 00 00", "08 00", "09", "07", "06", "0a 01"}) {
    SCOPED_TRACE(hex);
    Decoded d = DecodeHex(hex);
    EXPECT_EQ(argdata_get_int_s(d.get(), &s, INTMAX_MIN, INTMAX_MAX), EINVAL);
    EXPECT_EQ(argdata_get_int_u(d.get(), &u, UINTMAX_MAX), EINVAL);
  }
  Ad str(argdata_create_str_c("1"));
  EXPECT_EQ(argdata_get_int_s(str.get(), &s, INTMAX_MIN, INTMAX_MAX), EINVAL);
  EXPECT_EQ(s, 3);
  EXPECT_EQ(u, 3u);
}

TEST(ArgdataInt, TypedHelpers) {
  Ad v300(argdata_create_int_s(300));
  Ad vneg(argdata_create_int_s(-5));
  Ad vbig(argdata_create_int_u(UINTMAX_MAX));

  signed char sc = 0;
  unsigned char uc = 0;
  short sh = 0;
  unsigned short us = 0;
  int i = 0;
  unsigned int ui = 0;
  long l = 0;
  unsigned long ul = 0;
  long long ll = 0;
  unsigned long long ull = 0;

  EXPECT_EQ(argdata_get_int_schar(v300.get(), &sc), ERANGE);
  EXPECT_EQ(argdata_get_int_uchar(v300.get(), &uc), ERANGE);
  EXPECT_EQ(argdata_get_int_short(v300.get(), &sh), 0);
  EXPECT_EQ(sh, 300);
  EXPECT_EQ(argdata_get_int_ushort(v300.get(), &us), 0);
  EXPECT_EQ(us, 300);
  EXPECT_EQ(argdata_get_int_schar(vneg.get(), &sc), 0);
  EXPECT_EQ(sc, -5);
  EXPECT_EQ(argdata_get_int_uchar(vneg.get(), &uc), ERANGE);
  EXPECT_EQ(argdata_get_int_uint(vneg.get(), &ui), ERANGE);
  EXPECT_EQ(argdata_get_int_int(vneg.get(), &i), 0);
  EXPECT_EQ(i, -5);
  EXPECT_EQ(argdata_get_int_long(vneg.get(), &l), 0);
  EXPECT_EQ(l, -5);
  EXPECT_EQ(argdata_get_int_llong(vbig.get(), &ll), ERANGE);
  EXPECT_EQ(argdata_get_int_ulong(vbig.get(), &ul), 0);
  EXPECT_EQ(ul, ULONG_MAX);
  EXPECT_EQ(argdata_get_int_ullong(vbig.get(), &ull), 0);
  EXPECT_EQ(ull, ULLONG_MAX);

  char c = 0;
  Ad v65(argdata_create_int_s(65));
  EXPECT_EQ(argdata_get_int_char(v65.get(), &c), 0);
  EXPECT_EQ(c, 'A');
}

// In C++ argdata_create_int and argdata_get_int are overloads.
TEST(ArgdataInt, CxxOverloads) {
  Ad a(argdata_create_int(static_cast<unsigned char>(200)));
  EXPECT_EQ(SerializeHex(a.get()), "05 00 c8");
  Ad b(argdata_create_int(static_cast<short>(-2)));
  EXPECT_EQ(SerializeHex(b.get()), "05 fe");
  Ad c(argdata_create_int(ULLONG_MAX));
  EXPECT_EQ(SerializeHex(c.get()), "05 00 ff ff ff ff ff ff ff ff");
  Ad d(argdata_create_int(LLONG_MIN));
  EXPECT_EQ(SerializeHex(d.get()), "05 80 00 00 00 00 00 00 00");

  unsigned short us = 0;
  EXPECT_EQ(argdata_get_int(a.get(), &us), 0);
  EXPECT_EQ(us, 200);
  signed char sc = 0;
  EXPECT_EQ(argdata_get_int(a.get(), &sc), ERANGE);
  int i = 0;
  EXPECT_EQ(argdata_get_int(b.get(), &i), 0);
  EXPECT_EQ(i, -2);
  unsigned u = 0;
  EXPECT_EQ(argdata_get_int(b.get(), &u), ERANGE);
}

}  // namespace
}  // namespace argdata_test
