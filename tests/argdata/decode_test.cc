// Decoding malformed and hostile input: every failure is reported through
// return values, nothing reads outside the buffer (the buffers live in
// exactly sized heap blocks, so AddressSanitizer builds catch overreads).

#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "test_util.h"

namespace argdata_test {
namespace {

std::string DumpHex(const std::string &hex) {
  Decoded d = DecodeHex(hex);
  return Dump(d.get());
}

TEST(ArgdataDecode, OverlongLengthRejected) {
  // 00 81 would be the length 1 with a redundant leading zero group.
  EXPECT_EQ(DumpHex("07 00 81 05"), "[!corrupt]");
  EXPECT_EQ(DumpHex("07 81 05 00 81 05"), "[int:0,!corrupt]");
  EXPECT_EQ(DumpHex("06 00 81 05 81 05"), "{!corrupt}");
  // The canonical forms decode.
  EXPECT_EQ(DumpHex("07 81 05 80"), "[int:0,null]");
}

TEST(ArgdataDecode, LengthBeyondBuffer) {
  EXPECT_EQ(DumpHex("07 82 05"), "[!corrupt]");
  EXPECT_EQ(DumpHex("07 81 05 ff 01"), "[int:0,!corrupt]");
  EXPECT_EQ(DumpHex("07 01 80"), "[!corrupt]");  // 128 bytes promised, none there
  // Length continuation byte missing at the end of the buffer.
  EXPECT_EQ(DumpHex("07 01"), "[!corrupt]");
  EXPECT_EQ(DumpHex("07 81 05 7f"), "[int:0,!corrupt]");
}

TEST(ArgdataDecode, LengthOverflowingSizeT) {
  // 11 groups of 7 bits: more than 64 bits.
  EXPECT_EQ(DumpHex("07 7f 7f 7f 7f 7f 7f 7f 7f 7f 7f ff 05"), "[!corrupt]");
  // Exactly 2^63 - 1 (9 groups): fits size_t but not the buffer.
  EXPECT_EQ(DumpHex("07 7f 7f 7f 7f 7f 7f 7f 7f ff 05"), "[!corrupt]");
  // A length that would wrap pointer arithmetic around.
  EXPECT_EQ(DumpHex("07 01 7f 7f 7f 7f 7f 7f 7f 7f ff"), "[!corrupt]");
}

TEST(ArgdataDecode, MapWithDanglingKey) {
  EXPECT_EQ(DumpHex("06 81 05"), "{!corrupt}");
  EXPECT_EQ(DumpHex("06 81 05 82 05 01 81 05"), "{int:0:int:1,!corrupt}");
  EXPECT_EQ(DumpHex("06"), "{}");
  EXPECT_EQ(DumpHex("07"), "[]");
}

TEST(ArgdataDecode, UnknownTags) {
  for (const char *hex : {"00", "00 01", "0a", "0a 00", "ff", "80 01", "10"}) {
    SCOPED_TRACE(hex);
    Decoded d = DecodeHex(hex);
    const void *p;
    size_t n;
    bool b;
    int fd;
    double f;
    intmax_t i;
    uintmax_t u;
    const char *s;
    struct timespec ts;
    EXPECT_EQ(argdata_get_binary(d.get(), &p, &n), EINVAL);
    EXPECT_EQ(argdata_get_bool(d.get(), &b), EINVAL);
    EXPECT_EQ(argdata_get_fd(d.get(), &fd), EINVAL);
    EXPECT_EQ(argdata_get_float(d.get(), &f), EINVAL);
    EXPECT_EQ(argdata_get_int_s(d.get(), &i, INTMAX_MIN, INTMAX_MAX), EINVAL);
    EXPECT_EQ(argdata_get_int_u(d.get(), &u, UINTMAX_MAX), EINVAL);
    EXPECT_EQ(argdata_get_str(d.get(), &s, &n), EINVAL);
    EXPECT_EQ(argdata_get_str_c(d.get(), &s), EINVAL);
    EXPECT_EQ(argdata_get_timestamp(d.get(), &ts), EINVAL);
    argdata_map_iterator_t mit;
    argdata_map_iterate(d.get(), &mit);
    EXPECT_EQ(mit.index, ARGDATA_ITERATOR_INVALID);
    argdata_seq_iterator_t sit;
    argdata_seq_iterate(d.get(), &sit);
    EXPECT_EQ(sit.index, ARGDATA_ITERATOR_INVALID);
  }
}

TEST(ArgdataDecode, FixedSizePayloads) {
  int fd;
  double f;
  Bytes fd3 = Hex("03 00 00 00");
  Bytes fd5 = Hex("03 00 00 00 00 00");
  EXPECT_EQ(argdata_get_fd(Decode(fd3, IdentityFd).get(), &fd), EINVAL);
  EXPECT_EQ(argdata_get_fd(Decode(fd5, IdentityFd).get(), &fd), EINVAL);
  EXPECT_EQ(argdata_get_fd(Decode(Hex("03"), IdentityFd).get(), &fd), EINVAL);
  EXPECT_EQ(argdata_get_float(DecodeHex("04").get(), &f), EINVAL);
  EXPECT_EQ(argdata_get_float(DecodeHex("04 3f f8 00 00 00 00 00").get(), &f), EINVAL);
  EXPECT_EQ(argdata_get_float(DecodeHex("04 3f f8 00 00 00 00 00 00 00").get(), &f), EINVAL);
}

// A value exercising every type, nested.
Bytes RichEncoding() {
  static const unsigned char bin[] = {0xde, 0xad};
  Ad b(argdata_create_binary(bin, sizeof(bin)));
  Ad fd(argdata_create_fd(3));
  Ad fl(argdata_create_float(-2.25));
  Ad i(argdata_create_int_s(-300));
  Ad u(argdata_create_int_u(UINTMAX_MAX));
  Ad s(argdata_create_str_c("h\xc3\xa9llo"));
  struct timespec t = {1500000000, 123456789};
  Ad ts(argdata_create_timestamp(&t));
  const argdata_t *inner[] = {fl.get(), &argdata_null, &argdata_true, ts.get()};
  Ad seq(argdata_create_seq(inner, 4));
  Ad k1(argdata_create_str_c("seq"));
  Ad k2(argdata_create_str_c("fd"));
  const argdata_t *keys[] = {k1.get(), k2.get(), i.get(), &argdata_false};
  const argdata_t *values[] = {seq.get(), fd.get(), u.get(), b.get()};
  Ad map(argdata_create_map(keys, values, 4));
  const argdata_t *outer[] = {map.get(), s.get()};
  Ad top(argdata_create_seq(outer, 2));
  return Serialize(top.get());
}

TEST(ArgdataDecode, RichValueDecodes) {
  Bytes bytes = RichEncoding();
  Decoded d = Decode(bytes, IdentityFd);
  EXPECT_EQ(Dump(d.get()),
            "[{str:seq:[float:-2.25,null,true,ts:1500000000.123456789],str:fd:fd:3,"
            "int:-300:int:18446744073709551615,false:bin:dead},str:h\xc3\xa9llo]");
}

TEST(ArgdataDecode, TruncatedEverywhere) {
  Bytes bytes = RichEncoding();
  std::string full = Dump(Decode(bytes, IdentityFd).get());
  // What remains when the cut falls exactly after the first element.
  std::string first_only = full.substr(0, full.rfind(",str:")) + "]";
  for (size_t n = 0; n < bytes.size(); ++n) {
    SCOPED_TRACE(n);
    Bytes prefix(bytes.begin(), bytes.begin() + n);
    Decoded d = Decode(prefix, IdentityFd);
    std::string dump = Dump(d.get());
    // Every proper prefix is null, the empty sequence, a sequence whose
    // tail is corrupt, or the sequence of just the first element.
    if (n == 0) {
      EXPECT_EQ(dump, "null");
    } else if (n == 1) {
      EXPECT_EQ(dump, "[]");
    } else if (dump.find("!corrupt") == std::string::npos) {
      EXPECT_EQ(dump, first_only);
    }
    // Serializing a truncated buffer copies it verbatim (descriptor numbers
    // written literally; the identity conversion keeps them unchanged).
    EXPECT_EQ(Serialize(d.get()), prefix);
    std::vector<int> fds;
    EXPECT_EQ(Serialize(d.get(), &fds).size(), prefix.size());
    // And printing it works.
    EXPECT_NE(Yaml(d.get()).find("---\n"), std::string::npos);
  }
  // Also every suffix and every single-byte corruption.
  for (size_t n = 0; n < bytes.size(); ++n) {
    Bytes suffix(bytes.begin() + n, bytes.end());
    Decoded d = Decode(suffix, IdentityFd);
    Dump(d.get());
    Yaml(d.get());
    for (unsigned char x : {0x00, 0x01, 0x7f, 0x80, 0xff}) {
      Bytes corrupt = bytes;
      corrupt[n] = x;
      Decoded c = Decode(corrupt, IdentityFd);
      Dump(c.get());
      Yaml(c.get());
      std::vector<int> fds;
      EXPECT_EQ(Serialize(c.get(), &fds).size(), corrupt.size());
    }
  }
}

// Builds n nested sequences around `innermost'.
Bytes Nested(size_t n, const Bytes &innermost) {
  // Assemble back to front: each level prepends its tag and length.
  Bytes reversed(innermost.rbegin(), innermost.rend());
  size_t len = innermost.size();
  for (size_t i = 0; i < n; ++i) {
    size_t prefix_start = reversed.size();
    size_t v = len;
    reversed.push_back(static_cast<unsigned char>(0x80 | (v & 0x7f)));
    while ((v >>= 7) != 0) reversed.push_back(static_cast<unsigned char>(v & 0x7f));
    reversed.push_back(0x07);
    len += reversed.size() - prefix_start;
  }
  return Bytes(reversed.rbegin(), reversed.rend());
}

TEST(ArgdataDecode, DeepNestingDoesNotExhaustTheStack) {
  const size_t depth = 200000;
  Bytes bytes = Nested(depth, Hex("03 00 00 00 05"));
  Decoded d = Decode(bytes, IdentityFd);
  size_t len = 0, n_fds = 0;
  argdata_serialized_length(d.get(), &len, &n_fds);
  EXPECT_EQ(len, bytes.size());
  EXPECT_EQ(n_fds, 1u);
  std::vector<int> fds;
  Bytes out = Serialize(d.get(), &fds);
  EXPECT_EQ(fds, std::vector<int>({5}));
  // The descriptor index was rewritten from 5 to 0.
  ASSERT_EQ(out.size(), bytes.size());
  EXPECT_EQ(ToHex(Bytes(out.end() - 5, out.end())), "03 00 00 00 00");
  EXPECT_TRUE(std::equal(out.begin(), out.end() - 5, bytes.begin()));
  // The printer gives up at a fixed depth instead of recursing.
  std::string yaml = Yaml(d.get());
  EXPECT_NE(yaml.find("!error \"nesting too deep\""), std::string::npos);
  // Iterating a level at a time works at any depth.
  const argdata_t *cur = d.get();
  std::vector<argdata_seq_iterator_t> its(depth);
  for (size_t i = 0; i < depth; ++i) {
    argdata_seq_iterate(cur, &its[i]);
    ASSERT_TRUE(argdata_seq_get(&its[i], &cur)) << i;
  }
  int fd = -1;
  EXPECT_EQ(argdata_get_fd(cur, &fd), 0);
  EXPECT_EQ(fd, 5);
}

}  // namespace
}  // namespace argdata_test
