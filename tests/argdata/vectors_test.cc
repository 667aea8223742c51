// Golden encodings from the reference (cloudabi-abi.md section 4.1), checked
// in both directions: the constructors produce exactly these bytes, and the
// getters decode these bytes to the original values.

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <string>

#include "test_util.h"

namespace argdata_test {
namespace {

TEST(ArgdataVectors, Null) {
  EXPECT_EQ(SerializeHex(&argdata_null), "");
  size_t len = 99, n_fds = 99;
  argdata_serialized_length(&argdata_null, &len, &n_fds);
  EXPECT_EQ(len, 0u);
  EXPECT_EQ(n_fds, 0u);

  Decoded d = DecodeHex("");
  bool b;
  int fd;
  double f;
  intmax_t i;
  uintmax_t u;
  const char *s;
  size_t n;
  const void *p;
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
  argdata_seq_iterator_t it;
  argdata_seq_iterate(d.get(), &it);
  EXPECT_EQ(it.index, ARGDATA_ITERATOR_INVALID);
}

TEST(ArgdataVectors, Bool) {
  EXPECT_EQ(SerializeHex(&argdata_true), "02 01");
  EXPECT_EQ(SerializeHex(&argdata_false), "02");

  bool value = false;
  EXPECT_EQ(argdata_get_bool(DecodeHex("02 01").get(), &value), 0);
  EXPECT_TRUE(value);
  EXPECT_EQ(argdata_get_bool(DecodeHex("02").get(), &value), 0);
  EXPECT_FALSE(value);
  EXPECT_EQ(argdata_get_bool(&argdata_true, &value), 0);
  EXPECT_TRUE(value);
  EXPECT_EQ(argdata_get_bool(&argdata_false, &value), 0);
  EXPECT_FALSE(value);
  // Anything else is malformed.
  value = true;
  EXPECT_EQ(argdata_get_bool(DecodeHex("02 00").get(), &value), EINVAL);
  EXPECT_EQ(argdata_get_bool(DecodeHex("02 02").get(), &value), EINVAL);
  EXPECT_EQ(argdata_get_bool(DecodeHex("02 01 00").get(), &value), EINVAL);
  EXPECT_EQ(argdata_get_bool(DecodeHex("05 01").get(), &value), EINVAL);
  EXPECT_TRUE(value);
}

struct IntVector {
  intmax_t value;
  const char *hex;
};

TEST(ArgdataVectors, SignedInts) {
  const IntVector vectors[] = {
      {0, "05"},
      {1, "05 01"},
      {127, "05 7f"},
      {128, "05 00 80"},
      {-1, "05 ff"},
      {-128, "05 80"},
      {-129, "05 ff 7f"},
      {255, "05 00 ff"},
      {1000, "05 03 e8"},
      {-1000, "05 fc 18"},
      {4294967295, "05 00 ff ff ff ff"},
  };
  for (const IntVector &v : vectors) {
    SCOPED_TRACE(v.hex);
    Ad ad(argdata_create_int_s(v.value));
    ASSERT_TRUE(ad);
    EXPECT_EQ(SerializeHex(ad.get()), v.hex);
    intmax_t got = 42;
    EXPECT_EQ(argdata_get_int_s(DecodeHex(v.hex).get(), &got, INTMAX_MIN, INTMAX_MAX), 0);
    EXPECT_EQ(got, v.value);
    // The created value answers the getter the same way.
    got = 42;
    EXPECT_EQ(argdata_get_int_s(ad.get(), &got, INTMAX_MIN, INTMAX_MAX), 0);
    EXPECT_EQ(got, v.value);
  }
}

TEST(ArgdataVectors, UnsignedInts) {
  struct {
    uintmax_t value;
    const char *hex;
  } const vectors[] = {
      {0, "05"},
      {1, "05 01"},
      {127, "05 7f"},
      {128, "05 00 80"},
      {255, "05 00 ff"},
      {1000, "05 03 e8"},
      {4294967295u, "05 00 ff ff ff ff"},
      {UINTMAX_MAX, "05 00 ff ff ff ff ff ff ff ff"},
  };
  for (const auto &v : vectors) {
    SCOPED_TRACE(v.hex);
    Ad ad(argdata_create_int_u(v.value));
    ASSERT_TRUE(ad);
    EXPECT_EQ(SerializeHex(ad.get()), v.hex);
    uintmax_t got = 42;
    EXPECT_EQ(argdata_get_int_u(DecodeHex(v.hex).get(), &got, UINTMAX_MAX), 0);
    EXPECT_EQ(got, v.value);
  }
}

TEST(ArgdataVectors, Float) {
  Ad ad(argdata_create_float(1.5));
  ASSERT_TRUE(ad);
  EXPECT_EQ(SerializeHex(ad.get()), "04 3f f8 00 00 00 00 00 00");
  double value = 0;
  EXPECT_EQ(argdata_get_float(DecodeHex("04 3f f8 00 00 00 00 00 00").get(), &value), 0);
  EXPECT_EQ(value, 1.5);
}

TEST(ArgdataVectors, Str) {
  Ad s123(argdata_create_str_c("123"));
  Ad empty(argdata_create_str_c(""));
  ASSERT_TRUE(s123 && empty);
  EXPECT_EQ(SerializeHex(s123.get()), "08 31 32 33 00");
  EXPECT_EQ(SerializeHex(empty.get()), "08 00");

  const char *str = nullptr;
  size_t len = 99;
  Decoded d = DecodeHex("08 31 32 33 00");
  EXPECT_EQ(argdata_get_str(d.get(), &str, &len), 0);
  EXPECT_EQ(std::string(str, len), "123");
  EXPECT_EQ(argdata_get_str_c(d.get(), &str), 0);
  EXPECT_STREQ(str, "123");
  Decoded e = DecodeHex("08 00");
  EXPECT_EQ(argdata_get_str(e.get(), &str, &len), 0);
  EXPECT_EQ(len, 0u);
  EXPECT_STREQ(str, "");
}

TEST(ArgdataVectors, Binary) {
  const unsigned char bytes[] = {0x01, 0x02};
  Ad ad(argdata_create_binary(bytes, sizeof(bytes)));
  ASSERT_TRUE(ad);
  EXPECT_EQ(SerializeHex(ad.get()), "01 01 02");
  const void *buf = nullptr;
  size_t len = 0;
  Decoded d = DecodeHex("01 01 02");
  EXPECT_EQ(argdata_get_binary(d.get(), &buf, &len), 0);
  ASSERT_EQ(len, 2u);
  EXPECT_EQ(static_cast<const unsigned char *>(buf)[0], 0x01);
  EXPECT_EQ(static_cast<const unsigned char *>(buf)[1], 0x02);
  // Empty binary.
  EXPECT_EQ(argdata_get_binary(DecodeHex("01").get(), &buf, &len), 0);
  EXPECT_EQ(len, 0u);
  Ad none(argdata_create_binary(nullptr, 0));
  EXPECT_EQ(SerializeHex(none.get()), "01");
}

TEST(ArgdataVectors, Timestamp) {
  struct {
    time_t sec;
    long nsec;
    const char *hex;
  } const vectors[] = {
      {1, 500, "09 3b 9a cb f4"},
      {0, 0, "09"},
      {-1, 0, "09 c4 65 36 00"},
  };
  for (const auto &v : vectors) {
    SCOPED_TRACE(v.hex);
    struct timespec ts = {v.sec, v.nsec};
    Ad ad(argdata_create_timestamp(&ts));
    ASSERT_TRUE(ad);
    EXPECT_EQ(SerializeHex(ad.get()), v.hex);
    struct timespec got = {123, 456};
    EXPECT_EQ(argdata_get_timestamp(DecodeHex(v.hex).get(), &got), 0);
    EXPECT_EQ(got.tv_sec, v.sec);
    EXPECT_EQ(got.tv_nsec, v.nsec);
  }
}

TEST(ArgdataVectors, Fd) {
  Ad ad(argdata_create_fd(7));
  ASSERT_TRUE(ad);
  std::vector<int> fds;
  EXPECT_EQ(ToHex(Serialize(ad.get(), &fds)), "03 00 00 00 00");
  EXPECT_EQ(fds, std::vector<int>({7}));
  // Without an fds array the number itself is written.
  EXPECT_EQ(SerializeHex(ad.get()), "03 00 00 00 07");

  Bytes bytes = Hex("03 00 00 00 00");
  Decoded d = Decode(bytes, IdentityFd, nullptr);
  int fd = -1;
  EXPECT_EQ(argdata_get_fd(d.get(), &fd), 0);
  EXPECT_EQ(fd, 0);
}

TEST(ArgdataVectors, SeqOfIntBoolStr) {
  Ad zero(argdata_create_int_s(0));
  Ad a(argdata_create_str_c("A"));
  const argdata_t *elements[] = {zero.get(), &argdata_true, a.get()};
  Ad seq(argdata_create_seq(elements, 3));
  ASSERT_TRUE(seq);
  EXPECT_EQ(SerializeHex(seq.get()), "07 81 05 82 02 01 83 08 41 00");

  Decoded d = DecodeHex("07 81 05 82 02 01 83 08 41 00");
  argdata_seq_iterator_t it;
  const argdata_t *e;
  argdata_seq_iterate(d.get(), &it);
  EXPECT_EQ(it.index, 0u);
  ASSERT_TRUE(argdata_seq_get(&it, &e));
  intmax_t i = 9;
  EXPECT_EQ(argdata_get_int_s(e, &i, INTMAX_MIN, INTMAX_MAX), 0);
  EXPECT_EQ(i, 0);
  argdata_seq_next(&it);
  EXPECT_EQ(it.index, 1u);
  ASSERT_TRUE(argdata_seq_get(&it, &e));
  bool b = false;
  EXPECT_EQ(argdata_get_bool(e, &b), 0);
  EXPECT_TRUE(b);
  argdata_seq_next(&it);
  EXPECT_EQ(it.index, 2u);
  ASSERT_TRUE(argdata_seq_get(&it, &e));
  const char *s = nullptr;
  EXPECT_EQ(argdata_get_str_c(e, &s), 0);
  EXPECT_STREQ(s, "A");
  argdata_seq_next(&it);
  EXPECT_EQ(it.index, ARGDATA_ITERATOR_END);
  EXPECT_FALSE(argdata_seq_get(&it, &e));
}

TEST(ArgdataVectors, SeqOfFdsWithDedup) {
  Ad fd9(argdata_create_fd(9));
  Ad fd4(argdata_create_fd(4));
  const argdata_t *elements[] = {fd9.get(), &argdata_null, fd4.get(), fd9.get()};
  Ad seq(argdata_create_seq(elements, 4));
  ASSERT_TRUE(seq);
  size_t len = 0, n_fds = 0;
  argdata_serialized_length(seq.get(), &len, &n_fds);
  EXPECT_EQ(len, 20u);
  EXPECT_EQ(n_fds, 3u);  // occurrences, not distinct descriptors
  std::vector<int> fds;
  EXPECT_EQ(ToHex(Serialize(seq.get(), &fds)),
            "07 85 03 00 00 00 00 80 85 03 00 00 00 01 85 03 00 00 00 00");
  EXPECT_EQ(fds, std::vector<int>({9, 4}));

  // Decoding with the fds array as the conversion table gives 9, null, 4, 9.
  Bytes bytes = Hex("07 85 03 00 00 00 00 80 85 03 00 00 00 01 85 03 00 00 00 00");
  auto convert = [](void *arg, size_t index) -> int {
    auto *table = static_cast<std::vector<int> *>(arg);
    return index < table->size() ? (*table)[index] : -1;
  };
  Decoded d = Decode(bytes, convert, &fds);
  std::vector<int> got;
  argdata_seq_iterator_t it;
  const argdata_t *e;
  for (argdata_seq_iterate(d.get(), &it); argdata_seq_get(&it, &e); argdata_seq_next(&it)) {
    int fd = -100;
    int error = argdata_get_fd(e, &fd);
    got.push_back(error == 0 ? fd : -error);
  }
  EXPECT_EQ(it.index, ARGDATA_ITERATOR_END);
  EXPECT_EQ(got, std::vector<int>({9, -EINVAL, 4, 9}));
}

TEST(ArgdataVectors, Map) {
  Ad key(argdata_create_str_c("a"));
  Ad value(argdata_create_int_s(1));
  const argdata_t *keys[] = {key.get()};
  const argdata_t *values[] = {value.get()};
  Ad map(argdata_create_map(keys, values, 1));
  ASSERT_TRUE(map);
  EXPECT_EQ(SerializeHex(map.get()), "06 83 08 61 00 82 05 01");

  Decoded d = DecodeHex("06 83 08 61 00 82 05 01");
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  argdata_map_iterate(d.get(), &it);
  EXPECT_EQ(it.index, 0u);
  ASSERT_TRUE(argdata_map_get(&it, &k, &v));
  const char *s = nullptr;
  EXPECT_EQ(argdata_get_str_c(k, &s), 0);
  EXPECT_STREQ(s, "a");
  int i = 0;
  EXPECT_EQ(argdata_get_int(v, &i), 0);
  EXPECT_EQ(i, 1);
  argdata_map_next(&it);
  EXPECT_EQ(it.index, ARGDATA_ITERATOR_END);
  EXPECT_FALSE(argdata_map_get(&it, &k, &v));
}

TEST(ArgdataVectors, LongSubfieldLength) {
  std::string xs(199, 'x');
  Ad str(argdata_create_str(xs.data(), xs.size()));
  const argdata_t *elements[] = {str.get()};
  Ad seq(argdata_create_seq(elements, 1));
  Bytes bytes = Serialize(seq.get());
  ASSERT_EQ(bytes.size(), 1u + 2u + 201u);
  EXPECT_EQ(ToHex(Bytes(bytes.begin(), bytes.begin() + 5)), "07 01 c9 08 78");
  EXPECT_EQ(bytes.back(), 0x00);

  Decoded d = Decode(bytes);
  argdata_seq_iterator_t it;
  const argdata_t *e;
  argdata_seq_iterate(d.get(), &it);
  ASSERT_TRUE(argdata_seq_get(&it, &e));
  const char *s;
  size_t len;
  EXPECT_EQ(argdata_get_str(e, &s, &len), 0);
  EXPECT_EQ(std::string(s, len), xs);
}

// Subfield lengths: big-endian base 128, last byte marked with the high bit.
TEST(ArgdataVectors, SubfieldLengthEncoding) {
  struct {
    size_t length;
    const char *prefix;
  } const vectors[] = {
      {1, "81"},
      {6, "86"},
      {127, "ff"},
      {128, "01 80"},
      {201, "01 c9"},
      {16383, "7f ff"},
      {16384, "01 00 80"},
      {2097151, "7f 7f ff"},
      {2097152, "01 00 00 80"},
  };
  for (const auto &v : vectors) {
    SCOPED_TRACE(v.length);
    // A binary value of length n - 1 has an encoding of length n.
    std::vector<unsigned char> payload(v.length - 1, 0xab);
    Ad bin(argdata_create_binary(payload.data(), payload.size()));
    const argdata_t *elements[] = {bin.get()};
    Ad seq(argdata_create_seq(elements, 1));
    Bytes bytes = Serialize(seq.get());
    Bytes prefix = Hex(v.prefix);
    ASSERT_EQ(bytes.size(), 1 + prefix.size() + v.length);
    EXPECT_EQ(Bytes(bytes.begin() + 1, bytes.begin() + 1 + prefix.size()), prefix);

    Decoded d = Decode(bytes);
    argdata_seq_iterator_t it;
    const argdata_t *e;
    argdata_seq_iterate(d.get(), &it);
    ASSERT_TRUE(argdata_seq_get(&it, &e));
    const void *buf;
    size_t len;
    EXPECT_EQ(argdata_get_binary(e, &buf, &len), 0);
    EXPECT_EQ(len, v.length - 1);
    argdata_seq_next(&it);
    EXPECT_EQ(it.index, ARGDATA_ITERATOR_END);
  }
  // Length zero (a null element) is the single byte 80.
  const argdata_t *nulls[] = {&argdata_null};
  Ad seq(argdata_create_seq(nulls, 1));
  EXPECT_EQ(SerializeHex(seq.get()), "07 80");
}

}  // namespace
}  // namespace argdata_test
