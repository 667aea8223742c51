// YAML 1.2 core schema resolution and the scalar parsers.
#include "run/scalar.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace cloudabi::run {
namespace {

TEST(ResolvePlain, Null) {
  for (const char* s : {"", "~", "null", "Null", "NULL"}) {
    EXPECT_EQ(resolve_plain_scalar(s), CoreType::kNull) << s;
  }
  for (const char* s : {"nULL", "none", "nil", "~~"}) {
    EXPECT_EQ(resolve_plain_scalar(s), CoreType::kStr) << s;
  }
}

TEST(ResolvePlain, Bool) {
  for (const char* s : {"true", "True", "TRUE", "false", "False", "FALSE"}) {
    EXPECT_EQ(resolve_plain_scalar(s), CoreType::kBool) << s;
  }
  // YAML 1.1 booleans are strings in the 1.2 core schema.
  for (const char* s : {"yes", "no", "on", "off", "y", "n", "tRUE"}) {
    EXPECT_EQ(resolve_plain_scalar(s), CoreType::kStr) << s;
  }
}

TEST(ResolvePlain, Int) {
  for (const char* s : {"0", "-0", "+12", "007", "0o17", "0x1F", "0xff", "123456789012345678901"}) {
    EXPECT_EQ(resolve_plain_scalar(s), CoreType::kInt) << s;
  }
  for (const char* s : {"0o", "0x", "0o8", "0xg", "-0x1", "+0o7", "1_000", "0b101", "1,000"}) {
    EXPECT_NE(resolve_plain_scalar(s), CoreType::kInt) << s;
  }
}

TEST(ResolvePlain, Float) {
  for (const char* s : {"1.5", "-1.5", "+.5", ".5", "1.", "1e3", "1E-3", "-2.5e+10", ".inf",
                        "-.inf", "+.INF", ".Inf", ".nan", ".NaN", ".NAN"}) {
    EXPECT_EQ(resolve_plain_scalar(s), CoreType::kFloat) << s;
  }
  for (const char* s : {".", "e3", "1e", "1.5.2", "-.nan", "inf", "nan", ".infinity", "0x1p3"}) {
    EXPECT_EQ(resolve_plain_scalar(s), CoreType::kStr) << s;
  }
}

TEST(ParseInt, Forms) {
  std::string error;
  EXPECT_EQ(parse_int("0", &error), (IntValue{false, 0, 0}));
  EXPECT_EQ(parse_int("-128", &error), (IntValue{false, -128, 0}));
  EXPECT_EQ(parse_int("+127", &error), (IntValue{false, 127, 0}));
  EXPECT_EQ(parse_int("0o777", &error), (IntValue{false, 0777, 0}));
  EXPECT_EQ(parse_int("0xDEADbeef", &error), (IntValue{false, 0xdeadbeef, 0}));
  EXPECT_EQ(parse_int("9223372036854775807", &error),
            (IntValue{false, std::numeric_limits<int64_t>::max(), 0}));
  EXPECT_EQ(parse_int("-9223372036854775808", &error),
            (IntValue{false, std::numeric_limits<int64_t>::min(), 0}));
  EXPECT_EQ(parse_int("9223372036854775808", &error), (IntValue{true, 0, 1ull << 63}));
  EXPECT_EQ(parse_int("18446744073709551615", &error), (IntValue{true, 0, ~0ull}));
  EXPECT_EQ(parse_int("0xffffffffffffffff", &error), (IntValue{true, 0, ~0ull}));
}

TEST(ParseInt, OutOfRange) {
  std::string error;
  EXPECT_FALSE(parse_int("18446744073709551616", &error));
  EXPECT_EQ(error, "integer 18446744073709551616 does not fit in 64 bits");
  EXPECT_FALSE(parse_int("-9223372036854775809", &error));
  EXPECT_EQ(error, "integer -9223372036854775809 does not fit in 64 bits");
  EXPECT_FALSE(parse_int("0x10000000000000000", &error));
  EXPECT_FALSE(parse_int("12a", &error));
  EXPECT_EQ(error, "'12a' is not an integer");
}

TEST(ParseFloat, Values) {
  std::string error;
  EXPECT_EQ(*parse_float("1.5", &error), 1.5);
  EXPECT_EQ(*parse_float("-2.5e+10", &error), -2.5e10);
  EXPECT_EQ(*parse_float(".5", &error), 0.5);
  EXPECT_EQ(*parse_float("1.", &error), 1.0);
  EXPECT_EQ(*parse_float("+.INF", &error), std::numeric_limits<double>::infinity());
  EXPECT_EQ(*parse_float("-.inf", &error), -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(*parse_float(".NaN", &error)));
  EXPECT_EQ(*parse_float("1e-400", &error), 0.0);  // Underflow rounds.
  EXPECT_FALSE(parse_float("1e400", &error));
  EXPECT_EQ(error, "floating-point number 1e400 is too large for 64 bits");
}

TEST(Base64, Decode) {
  std::string error;
  using V = std::vector<unsigned char>;
  EXPECT_EQ(*decode_base64("", &error), V{});
  EXPECT_EQ(*decode_base64("AQI=", &error), (V{1, 2}));
  EXPECT_EQ(*decode_base64("AQID", &error), (V{1, 2, 3}));
  EXPECT_EQ(*decode_base64("AQ==", &error), (V{1}));
  EXPECT_EQ(*decode_base64(" AQ\n ID\r\n", &error), (V{1, 2, 3}));
  EXPECT_EQ(*decode_base64("+/+/", &error), (V{0xfb, 0xff, 0xbf}));
}

TEST(Base64, Invalid) {
  std::string error;
  EXPECT_FALSE(decode_base64("AQI", &error));
  EXPECT_EQ(error, "the base64 data is truncated (its length is not a multiple of 4)");
  EXPECT_FALSE(decode_base64("AQ!=", &error));
  EXPECT_EQ(error, "invalid character '!' at offset 2 of the base64 data");
  EXPECT_FALSE(decode_base64("A===", &error));
  EXPECT_EQ(error, "misplaced '=' at offset 1 of the base64 data");
  EXPECT_FALSE(decode_base64("AQ==AQID", &error));
  EXPECT_EQ(error, "data after '=' padding at offset 4 of the base64 data");
  EXPECT_FALSE(decode_base64("AR==", &error));
  EXPECT_EQ(error, "non-zero bits before the '=' padding of the base64 data");
}

TEST(Base64, RoundTrip) {
  std::string error;
  std::vector<unsigned char> data;
  for (int i = 0; i < 50; ++i) {
    std::string enc = encode_base64(data.data(), data.size());
    EXPECT_EQ(*decode_base64(enc, &error), data);
    data.push_back(static_cast<unsigned char>(i * 37));
  }
}

TEST(Timestamp, Forms) {
  std::string error;
  EXPECT_EQ(*parse_timestamp("1970-01-01", &error), (Timestamp{0, 0}));
  EXPECT_EQ(*parse_timestamp("2001-12-14", &error), (Timestamp{1008288000, 0}));
  EXPECT_EQ(*parse_timestamp("2001-12-14t21:59:43.10-05:00", &error),
            (Timestamp{1008385183, 100000000}));
  EXPECT_EQ(*parse_timestamp("2001-12-14 21:59:43.10 -5", &error),
            (Timestamp{1008385183, 100000000}));
  EXPECT_EQ(*parse_timestamp("2001-12-15T02:59:43.1Z", &error), (Timestamp{1008385183, 100000000}));
  EXPECT_EQ(*parse_timestamp("2001-12-15 2:59:43.10", &error), (Timestamp{1008385183, 100000000}));
  EXPECT_EQ(*parse_timestamp("1969-12-31T23:59:59Z", &error), (Timestamp{-1, 0}));
  EXPECT_EQ(*parse_timestamp("2000-02-29T00:00:00.123456789123Z", &error),
            (Timestamp{951782400, 123456789}));
  EXPECT_EQ(*parse_timestamp("1900-03-01T00:00:00+01:30", &error),
            (Timestamp{-2203891200 - 5400, 0}));
}

TEST(Timestamp, Invalid) {
  std::string error;
  for (const char* s : {"2001-13-01", "2001-02-29", "1900-02-29", "2001-12-14T24:00:00",
                        "2001-12-14T23:60:00", "2001-12-14T10:00:00+24:00"}) {
    EXPECT_FALSE(parse_timestamp(s, &error)) << s;
  }
  for (const char* s : {"", "01-12-14", "2001-12-14T", "2001-12-14T10:00", "2001-12-14T10:00:00X",
                        "2001-12-14T10:00:00.", "2001/12/14", "2001-12-14T10:00:00+01:0"}) {
    EXPECT_FALSE(parse_timestamp(s, &error)) << s;
  }
  EXPECT_FALSE(parse_timestamp("2001-12-14T10:00", &error));
  EXPECT_EQ(error,
            "'2001-12-14T10:00' is not a timestamp like 2015-08-01, 2015-08-01T12:30:00Z or "
            "2015-08-01 12:30:00.5 +02:00");
}

TEST(Timestamp, FormatRoundTrip) {
  std::string error;
  for (const char* s : {"1970-01-01T00:00:00Z", "2015-08-01T12:30:00.5Z", "1600-02-29T23:59:59Z",
                        "9999-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
                        "1969-12-31T23:59:59.000000001Z"}) {
    auto ts = parse_timestamp(s, &error);
    ASSERT_TRUE(ts) << s << ": " << error;
    EXPECT_EQ(format_timestamp(*ts), s);
  }
}

TEST(Timestamp, DaysFromCivil) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(0, 1, 1), -719528);
}

}  // namespace
}  // namespace cloudabi::run
