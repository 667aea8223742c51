// Strings: UTF-8 validation on creation and on access, NUL handling.

#include <gtest/gtest.h>

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <string>

#include "test_util.h"

namespace argdata_test {
namespace {

const char *const kInvalidUtf8[] = {
    // Overlong forms.
    "\xc0\x80",
    "\xc1\xbf",
    "\xe0\x80\x80",
    "\xe0\x9f\xbf",
    "\xf0\x80\x80\x80",
    "\xf0\x8f\xbf\xbf",
    // UTF-16 surrogates.
    "\xed\xa0\x80",
    "\xed\xbf\xbf",
    "\xed\xb0\x80",
    // Beyond U+10FFFF.
    "\xf4\x90\x80\x80",
    "\xf5\x80\x80\x80",
    "\xf7\xbf\xbf\xbf",
    "\xf8\x88\x80\x80\x80",
    // Bytes that never occur.
    "\xfe",
    "\xff",
    "a\xffz",
    // Truncated sequences.
    "\xc3",
    "\xe2\x82",
    "\xf0\x9f\x98",
    "x\xe2",
    "\xf0",
    // Bad continuation bytes.
    "\xe2\x28\xa1",
    "\xc3\x28",
    "\xf0\x9f\x28\x80",
    "\xe2\x82\xc0",
    // Stray continuation bytes.
    "\x80",
    "a\xbfz",
};

const char *const kValidUtf8[] = {
    "",
    "abc",
    "\x7f",
    "\xc2\x80",          // U+0080
    "\xc3\xa9",          // U+00E9
    "\xdf\xbf",          // U+07FF
    "\xe0\xa0\x80",      // U+0800
    "\xe2\x82\xac",      // U+20AC
    "\xed\x9f\xbf",      // U+D7FF
    "\xee\x80\x80",      // U+E000
    "\xef\xbf\xbf",      // U+FFFF
    "\xf0\x90\x80\x80",  // U+10000
    "\xf0\x9f\x98\x80",  // U+1F600
    "\xf4\x8f\xbf\xbf",  // U+10FFFF
};

Bytes StrEncoding(const std::string &s) {
  Bytes b(s.size() + 2, 0x00);
  b[0] = 0x08;
  std::copy(s.begin(), s.end(), b.begin() + 1);
  return b;
}

TEST(ArgdataStr, InvalidUtf8RejectedOnCreate) {
  for (const char *s : kInvalidUtf8) {
    SCOPED_TRACE(ToHex(Bytes(s, s + strlen(s))));
    errno = 0;
    EXPECT_EQ(argdata_create_str(s, strlen(s)), nullptr);
    EXPECT_EQ(errno, EILSEQ);
    errno = 0;
    EXPECT_EQ(argdata_create_str_c(s), nullptr);
    EXPECT_EQ(errno, EILSEQ);
  }
}

TEST(ArgdataStr, InvalidUtf8RejectedOnGet) {
  for (const char *s : kInvalidUtf8) {
    SCOPED_TRACE(ToHex(Bytes(s, s + strlen(s))));
    Decoded d = Decode(StrEncoding(s));
    const char *str = "untouched";
    size_t len = 77;
    EXPECT_EQ(argdata_get_str(d.get(), &str, &len), EILSEQ);
    EXPECT_EQ(argdata_get_str_c(d.get(), &str), EILSEQ);
    EXPECT_STREQ(str, "untouched");
    EXPECT_EQ(len, 77u);
  }
}

TEST(ArgdataStr, ValidUtf8Accepted) {
  for (const char *s : kValidUtf8) {
    SCOPED_TRACE(ToHex(Bytes(s, s + strlen(s))));
    Ad ad(argdata_create_str_c(s));
    ASSERT_TRUE(ad);
    EXPECT_EQ(Serialize(ad.get()), StrEncoding(s));
    const char *str = nullptr;
    EXPECT_EQ(argdata_get_str_c(ad.get(), &str), 0);
    EXPECT_EQ(str, s);  // no copy

    Decoded d = Decode(StrEncoding(s));
    size_t len = 0;
    EXPECT_EQ(argdata_get_str(d.get(), &str, &len), 0);
    EXPECT_EQ(std::string(str, len), s);
    EXPECT_EQ(argdata_get_str_c(d.get(), &str), 0);
    EXPECT_STREQ(str, s);
  }
}

TEST(ArgdataStr, EmbeddedNul) {
  const char text[] = {'a', '\0', 'b', '\0'};
  Ad ad(argdata_create_str(text, 3));
  ASSERT_TRUE(ad);
  EXPECT_EQ(SerializeHex(ad.get()), "08 61 00 62 00");
  const char *str = nullptr;
  size_t len = 0;
  EXPECT_EQ(argdata_get_str(ad.get(), &str, &len), 0);
  EXPECT_EQ(std::string(str, len), std::string("a\0b", 3));
  EXPECT_EQ(argdata_get_str_c(ad.get(), &str), EILSEQ);

  Decoded d = DecodeHex("08 61 00 62 00");
  EXPECT_EQ(argdata_get_str(d.get(), &str, &len), 0);
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(std::string(str, len), std::string("a\0b", 3));
  const char *c_str = "untouched";
  EXPECT_EQ(argdata_get_str_c(d.get(), &c_str), EILSEQ);
  EXPECT_STREQ(c_str, "untouched");
  // A lone NUL character is a string of length one.
  Decoded nul = DecodeHex("08 00 00");
  EXPECT_EQ(argdata_get_str(nul.get(), &str, &len), 0);
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(argdata_get_str_c(nul.get(), &str), EILSEQ);
}

TEST(ArgdataStr, TerminatorRequired) {
  const char *str;
  size_t len;
  for (const char *hex : {"08", "08 61", "08 61 62", "08 00 61"}) {
    SCOPED_TRACE(hex);
    Decoded d = DecodeHex(hex);
    EXPECT_EQ(argdata_get_str(d.get(), &str, &len), EINVAL);
    EXPECT_EQ(argdata_get_str_c(d.get(), &str), EINVAL);
  }
  // A missing terminator is EINVAL even when the bytes are not UTF-8.
  Decoded bad = DecodeHex("08 ff");
  EXPECT_EQ(argdata_get_str(bad.get(), &str, &len), EINVAL);
}

TEST(ArgdataStr, WrongType) {
  const char *str;
  size_t len;
  for (const char *hex : {"", "01 61 00", "02", "05 01", "07", "09"}) {
    SCOPED_TRACE(hex);
    EXPECT_EQ(argdata_get_str(DecodeHex(hex).get(), &str, &len), EINVAL);
    EXPECT_EQ(argdata_get_str_c(DecodeHex(hex).get(), &str), EINVAL);
  }
  const unsigned char bin[] = {'h', 'i', 0};
  Ad b(argdata_create_binary(bin, 3));
  EXPECT_EQ(argdata_get_str(b.get(), &str, &len), EINVAL);
}

TEST(ArgdataStr, BinaryIsNotValidated) {
  // Binary values carry arbitrary bytes.
  Decoded d = DecodeHex("01 ff fe 00 c0 80");
  const void *buf;
  size_t len;
  EXPECT_EQ(argdata_get_binary(d.get(), &buf, &len), 0);
  EXPECT_EQ(ToHex(Bytes(static_cast<const unsigned char *>(buf),
                        static_cast<const unsigned char *>(buf) + len)),
            "ff fe 00 c0 80");
  const char *str;
  EXPECT_EQ(argdata_get_str(&argdata_null, &str, &len), EINVAL);
  EXPECT_EQ(argdata_get_binary(DecodeHex("08 00").get(), &buf, &len), EINVAL);
}

}  // namespace
}  // namespace argdata_test
