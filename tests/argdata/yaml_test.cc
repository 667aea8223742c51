// argdata_print_yaml output for every type.

#include <gtest/gtest.h>

#include <cmath>
#include <ctime>
#include <limits>
#include <string>

#include "test_util.h"

namespace argdata_test {
namespace {

// The document body (without the %TAG/--- header and final newline).
std::string Body(const argdata_t *ad) {
  std::string yaml = Yaml(ad);
  std::string header = kYamlHeader;
  EXPECT_EQ(yaml.substr(0, header.size()), header);
  EXPECT_EQ(yaml.back(), '\n');
  return yaml.substr(header.size(), yaml.size() - header.size() - 1);
}

std::string BodyHex(const std::string &hex) { return Body(DecodeHex(hex).get()); }

TEST(ArgdataYaml, WholeDocument) {
  EXPECT_EQ(Yaml(&argdata_true), "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n!!bool \"true\"\n");
}

TEST(ArgdataYaml, Scalars) {
  EXPECT_EQ(Body(&argdata_null), "!!null \"null\"");
  EXPECT_EQ(Body(&argdata_true), "!!bool \"true\"");
  EXPECT_EQ(Body(&argdata_false), "!!bool \"false\"");
  EXPECT_EQ(BodyHex("05"), "!!int \"0\"");
  EXPECT_EQ(BodyHex("05 ff 7f"), "!!int \"-129\"");
  Ad umax(argdata_create_int_u(UINTMAX_MAX));
  EXPECT_EQ(Body(umax.get()), "!!int \"18446744073709551615\"");
  Ad smin(argdata_create_int_s(INTMAX_MIN));
  EXPECT_EQ(Body(smin.get()), "!!int \"-9223372036854775808\"");
  // Integers beyond 64 bits are printed exactly.
  EXPECT_EQ(BodyHex("05 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14"),
            "!!int \"5753854965885600108575829560559299546819203860\"");
  EXPECT_EQ(BodyHex("05 ff 00 00 00 00 00 00 00 00 00"), "!!int \"-4722366482869645213696\"");
  EXPECT_EQ(BodyHex("05 ff 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
            "!!int \"-340282366920938463463374607431768211456\"");
}

TEST(ArgdataYaml, Floats) {
  struct {
    double value;
    const char *text;
  } const vectors[] = {
      {1.5, "1.5"},
      {0.1, "0.1"},
      {-0.0, "-0"},
      {0.0, "0"},
      {1e100, "1e+100"},
      {123456789.0, "123456789"},
      {1.0 / 3, "0.3333333333333333"},
      {std::numeric_limits<double>::infinity(), ".inf"},
      {-std::numeric_limits<double>::infinity(), "-.inf"},
      {std::numeric_limits<double>::quiet_NaN(), ".nan"},
  };
  for (const auto &v : vectors) {
    Ad ad(argdata_create_float(v.value));
    EXPECT_EQ(Body(ad.get()), std::string("!!float \"") + v.text + "\"");
  }
}

TEST(ArgdataYaml, Strings) {
  Ad plain(argdata_create_str_c("hello, world"));
  EXPECT_EQ(Body(plain.get()), "!!str \"hello, world\"");
  const char special[] = "q\"b\\n\n t\t \x01 \x7f \xc3\xa9 \xc2\x85 \xe2\x80\xa8 \x1b";
  Ad s(argdata_create_str(special, sizeof(special) - 1));
  ASSERT_TRUE(s);
  EXPECT_EQ(Body(s.get()), "!!str \"q\\\"b\\\\n\\n t\\t \\x01 \\x7f \xc3\xa9 \\N \\L \\e\"");
  const char nul[] = {'a', '\0', 'b'};
  Ad n(argdata_create_str(nul, 3));
  EXPECT_EQ(Body(n.get()), "!!str \"a\\0b\"");
  EXPECT_EQ(BodyHex("08 ff 00"), "!error \"invalid UTF-8\"");
  EXPECT_EQ(BodyHex("08 61"), "!error \"bad string\"");
}

TEST(ArgdataYaml, Binary) {
  EXPECT_EQ(BodyHex("01"), "!!binary \"\"");
  EXPECT_EQ(BodyHex("01 01 02"), "!!binary \"AQI=\"");
  EXPECT_EQ(BodyHex("01 61 62 63"), "!!binary \"YWJj\"");
  EXPECT_EQ(BodyHex("01 61 62 63 64"), "!!binary \"YWJjZA==\"");
  EXPECT_EQ(BodyHex("01 ff fe fd fc fb"), "!!binary \"//79/Ps=\"");
}

TEST(ArgdataYaml, Timestamps) {
  struct {
    time_t sec;
    long nsec;
    const char *text;
  } const vectors[] = {
      {0, 0, "1970-01-01T00:00:00Z"},
      {1, 500, "1970-01-01T00:00:01.0000005Z"},
      {-1, 999999999, "1969-12-31T23:59:59.999999999Z"},
      {1500000000, 123456789, "2017-07-14T02:40:00.123456789Z"},
      {951782400, 0, "2000-02-29T00:00:00Z"},
      {253402300799, 100000000, "9999-12-31T23:59:59.1Z"},
      {253402300800, 0, "10000-01-01T00:00:00Z"},
      {-62167219200, 0, "0000-01-01T00:00:00Z"},
      {-62167219201, 0, "-0001-12-31T23:59:59Z"},
  };
  for (const auto &v : vectors) {
    struct timespec ts;
    ts.tv_sec = v.sec;
    ts.tv_nsec = v.nsec;
    Ad ad(argdata_create_timestamp(&ts));
    EXPECT_EQ(Body(ad.get()), std::string("!!timestamp \"") + v.text + "\"");
  }
  EXPECT_EQ(BodyHex("09 7f ff ff ff ff ff ff ff ff ff ff ff"), "!error \"timestamp out of range\"");
}

TEST(ArgdataYaml, FileDescriptors) {
  Ad fd(argdata_create_fd(3));
  EXPECT_EQ(Body(fd.get()), "!fd \"3\"");
  Ad bad(argdata_create_fd(-1));
  EXPECT_EQ(Body(bad.get()), "!fd \"invalid\"");
  EXPECT_EQ(BodyHex("03 00 00 00 01"), "!fd \"invalid\"");  // no converter
  Bytes b = Hex("03 00 00 00 01");
  EXPECT_EQ(Body(Decode(b, IdentityFd).get()), "!fd \"1\"");
  EXPECT_EQ(BodyHex("03 00 01"), "!error \"bad fd\"");
}

TEST(ArgdataYaml, Containers) {
  EXPECT_EQ(BodyHex("07"), "!!seq []");
  EXPECT_EQ(BodyHex("06"), "!!map {}");
  // {"a": [1, true], "b": {}, null: "x"}
  EXPECT_EQ(BodyHex("06 83 08 61 00 87 07 82 05 01 82 02 01 83 08 62 00 81 06 80 83 08 78 00"),
            "!!map {\n"
            "  ? !!str \"a\"\n"
            "  : !!seq [\n"
            "    !!int \"1\",\n"
            "    !!bool \"true\",\n"
            "  ],\n"
            "  ? !!str \"b\"\n"
            "  : !!map {},\n"
            "  ? !!null \"null\"\n"
            "  : !!str \"x\",\n"
            "}");
  EXPECT_EQ(BodyHex("07 81 05 82"),
            "!!seq [\n"
            "  !!int \"0\",\n"
            "  !error \"corrupt seq\",\n"
            "]");
  EXPECT_EQ(BodyHex("06 81 05"),
            "!!map {\n"
            "  ? !error \"corrupt map\"\n"
            "}");
}

TEST(ArgdataYaml, MalformedValues) {
  EXPECT_EQ(BodyHex("0a"), "!error \"unknown type 0x0a\"");
  EXPECT_EQ(BodyHex("00"), "!error \"unknown type 0x00\"");
  EXPECT_EQ(BodyHex("02 05"), "!error \"bad bool\"");
  EXPECT_EQ(BodyHex("04 00"), "!error \"bad float\"");
  Bytes huge(5000, 0x11);
  huge[0] = 0x05;
  EXPECT_EQ(Body(Decode(huge).get()), "!error \"integer too long\"");
}

}  // namespace
}  // namespace argdata_test
