// Floats (bit-exact) and timestamps (96-bit nanoseconds, floor semantics).

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <limits>

#include "test_util.h"

namespace argdata_test {
namespace {

uint64_t Bits(double d) {
  uint64_t b;
  std::memcpy(&b, &d, sizeof(b));
  return b;
}

TEST(ArgdataFloat, SpecialValues) {
  struct {
    double value;
    const char *hex;
  } const vectors[] = {
      {0.0, "04 00 00 00 00 00 00 00 00"},
      {-0.0, "04 80 00 00 00 00 00 00 00"},
      {1.0, "04 3f f0 00 00 00 00 00 00"},
      {-2.5, "04 c0 04 00 00 00 00 00 00"},
      {std::numeric_limits<double>::infinity(), "04 7f f0 00 00 00 00 00 00"},
      {-std::numeric_limits<double>::infinity(), "04 ff f0 00 00 00 00 00 00"},
      {std::numeric_limits<double>::quiet_NaN(), "04 7f f8 00 00 00 00 00 00"},
      {DBL_MAX, "04 7f ef ff ff ff ff ff ff"},
      {std::numeric_limits<double>::denorm_min(), "04 00 00 00 00 00 00 00 01"},
  };
  for (const auto &v : vectors) {
    SCOPED_TRACE(v.hex);
    Ad ad(argdata_create_float(v.value));
    EXPECT_EQ(SerializeHex(ad.get()), v.hex);
    double got = 123;
    EXPECT_EQ(argdata_get_float(DecodeHex(v.hex).get(), &got), 0);
    EXPECT_EQ(Bits(got), Bits(v.value));
    EXPECT_EQ(argdata_get_float(ad.get(), &got), 0);
    EXPECT_EQ(Bits(got), Bits(v.value));
  }
  // NaN payloads survive.
  double got;
  EXPECT_EQ(argdata_get_float(DecodeHex("04 7f f0 00 00 00 00 12 34").get(), &got), 0);
  EXPECT_TRUE(std::isnan(got));
  EXPECT_EQ(Bits(got), 0x7ff0000000001234u);
  EXPECT_EQ(argdata_get_float(DecodeHex("05 01").get(), &got), EINVAL);
}

struct timespec Ts(time_t sec, long nsec) {
  struct timespec ts;
  ts.tv_sec = sec;
  ts.tv_nsec = nsec;
  return ts;
}

// Encodes a nanosecond count as a minimal two's complement timestamp.
Bytes TimestampBytes(__int128 ns) {
  unsigned char be[16];
  for (int i = 0; i < 16; ++i) be[i] = static_cast<unsigned char>(ns >> (8 * (15 - i)));
  size_t skip = 0;
  while (skip < 16 && ((be[skip] == 0x00 && (skip + 1 == 16 || !(be[skip + 1] & 0x80))) ||
                       (be[skip] == 0xff && skip + 1 < 16 && (be[skip + 1] & 0x80))))
    ++skip;
  Bytes out{0x09};
  for (size_t i = skip; i < 16; ++i) out.push_back(be[i]);
  return out;
}

TEST(ArgdataTimestamp, FloorSemantics) {
  struct {
    __int128 ns;
    time_t sec;
    long nsec;
  } const vectors[] = {
      {0, 0, 0},
      {1, 0, 1},
      {-1, -1, 999999999},
      {999999999, 0, 999999999},
      {1000000000, 1, 0},
      {-999999999, -1, 1},
      {-1000000000, -1, 0},
      {-1000000001, -2, 999999999},
      {-1500000000, -2, 500000000},
      {1500000000123456789, 1500000000, 123456789},
      {-1500000000123456789, -1500000001, 876543211},
  };
  for (const auto &v : vectors) {
    SCOPED_TRACE(static_cast<long long>(v.ns));
    Bytes bytes = TimestampBytes(v.ns);
    struct timespec got = Ts(77, 77);
    EXPECT_EQ(argdata_get_timestamp(Decode(bytes).get(), &got), 0);
    EXPECT_EQ(got.tv_sec, v.sec);
    EXPECT_EQ(got.tv_nsec, v.nsec);
    // The constructor produces the same minimal encoding.
    struct timespec ts = Ts(v.sec, v.nsec);
    Ad ad(argdata_create_timestamp(&ts));
    ASSERT_TRUE(ad);
    EXPECT_EQ(ToHex(Serialize(ad.get())), ToHex(bytes));
  }
}

TEST(ArgdataTimestamp, TimeTLimits) {
  const __int128 giga = 1000000000;
  const time_t max = std::numeric_limits<time_t>::max();
  const time_t min = std::numeric_limits<time_t>::min();

  struct timespec got;
  // The extremes of time_t round-trip.
  for (struct timespec ts : {Ts(max, 999999999), Ts(min, 0), Ts(min, 1), Ts(max, 0)}) {
    Ad ad(argdata_create_timestamp(&ts));
    ASSERT_TRUE(ad);
    Bytes bytes = Serialize(ad.get());
    EXPECT_EQ(bytes, TimestampBytes(static_cast<__int128>(ts.tv_sec) * giga + ts.tv_nsec));
    EXPECT_LE(bytes.size(), 13u);
    EXPECT_EQ(argdata_get_timestamp(Decode(bytes).get(), &got), 0);
    EXPECT_EQ(got.tv_sec, ts.tv_sec);
    EXPECT_EQ(got.tv_nsec, ts.tv_nsec);
  }
  // One second beyond either end does not fit.
  __int128 past_max = (static_cast<__int128>(max) + 1) * giga;
  EXPECT_EQ(argdata_get_timestamp(Decode(TimestampBytes(past_max)).get(), &got), ERANGE);
  __int128 before_min = static_cast<__int128>(min) * giga - 1;  // floors to min - 1
  EXPECT_EQ(argdata_get_timestamp(Decode(TimestampBytes(before_min)).get(), &got), ERANGE);
  // The largest and smallest 96-bit values.
  EXPECT_EQ(argdata_get_timestamp(DecodeHex("09 7f ff ff ff ff ff ff ff ff ff ff ff").get(), &got),
            ERANGE);
  EXPECT_EQ(argdata_get_timestamp(DecodeHex("09 80 00 00 00 00 00 00 00 00 00 00 00").get(), &got),
            ERANGE);
  // More than 12 bytes is out of range even for small values.
  EXPECT_EQ(
      argdata_get_timestamp(DecodeHex("09 00 00 00 00 00 00 00 00 00 00 00 00 01").get(), &got),
      ERANGE);
  // Non-minimal encodings within 12 bytes are accepted.
  EXPECT_EQ(argdata_get_timestamp(DecodeHex("09 00 00 00 01").get(), &got), 0);
  EXPECT_EQ(got.tv_sec, 0);
  EXPECT_EQ(got.tv_nsec, 1);
}

TEST(ArgdataTimestamp, InvalidNanoseconds) {
  for (long nsec : {-1L, 1000000000L, 2000000000L}) {
    struct timespec ts = Ts(5, nsec);
    errno = 0;
    EXPECT_EQ(argdata_create_timestamp(&ts), nullptr);
    EXPECT_EQ(errno, EINVAL);
  }
}

TEST(ArgdataTimestamp, WrongType) {
  struct timespec got;
  EXPECT_EQ(argdata_get_timestamp(DecodeHex("05 01").get(), &got), EINVAL);
  EXPECT_EQ(argdata_get_timestamp(&argdata_null, &got), EINVAL);
  Ad i(argdata_create_int_s(1));
  EXPECT_EQ(argdata_get_timestamp(i.get(), &got), EINVAL);
}

}  // namespace
}  // namespace argdata_test
