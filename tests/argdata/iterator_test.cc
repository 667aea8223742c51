// Map and sequence iteration over created and decoded values.

#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <string>

#include "test_util.h"

namespace argdata_test {
namespace {

// The iterator layout is ABI.
static_assert(offsetof(argdata_map_iterator_t, index) == 0);
static_assert(offsetof(argdata_seq_iterator_t, index) == 0);
static_assert(alignof(argdata_map_iterator_t) == alignof(max_align_t));
static_assert(alignof(argdata_seq_iterator_t) == alignof(max_align_t));
static_assert(sizeof(((argdata_map_iterator_t *)nullptr)->data) == 128);
static_assert(sizeof(((argdata_seq_iterator_t *)nullptr)->data) == 128);
#if defined(__x86_64__)
static_assert(sizeof(argdata_map_iterator_t) == 144);
static_assert(offsetof(argdata_map_iterator_t, data) == 8);
#endif
static_assert(ARGDATA_ITERATOR_END == SIZE_MAX);
static_assert(ARGDATA_ITERATOR_INVALID == SIZE_MAX - 1);

TEST(ArgdataIterator, NotAContainerIsInvalid) {
  Ad i(argdata_create_int_s(1));
  Ad s(argdata_create_str_c("x"));
  Ad fd(argdata_create_fd(1));
  const unsigned char raw[] = {7};
  Ad bin(argdata_create_binary(raw, 1));
  const argdata_t *none[] = {nullptr};
  Ad seq(argdata_create_seq(none, 0));
  Ad map(argdata_create_map(none, none, 0));
  Decoded decoded_seq = DecodeHex("07 81 05");
  Decoded decoded_map = DecodeHex("06 81 05 80");

  const argdata_t *not_maps[] = {i.get(),       s.get(),       fd.get(),  bin.get(),
                                 &argdata_null, &argdata_true, seq.get(), decoded_seq.get()};
  for (const argdata_t *ad : not_maps) {
    argdata_map_iterator_t it;
    const argdata_t *k = nullptr, *v = nullptr;
    argdata_map_iterate(ad, &it);
    EXPECT_EQ(it.index, ARGDATA_ITERATOR_INVALID);
    EXPECT_FALSE(argdata_map_get(&it, &k, &v));
    EXPECT_EQ(k, nullptr);
    argdata_map_next(&it);
    EXPECT_EQ(it.index, ARGDATA_ITERATOR_INVALID);
  }
  const argdata_t *not_seqs[] = {i.get(),       s.get(),        fd.get(),  bin.get(),
                                 &argdata_null, &argdata_false, map.get(), decoded_map.get()};
  for (const argdata_t *ad : not_seqs) {
    argdata_seq_iterator_t it;
    const argdata_t *e = nullptr;
    argdata_seq_iterate(ad, &it);
    EXPECT_EQ(it.index, ARGDATA_ITERATOR_INVALID);
    EXPECT_FALSE(argdata_seq_get(&it, &e));
    EXPECT_EQ(e, nullptr);
    argdata_seq_next(&it);
    EXPECT_EQ(it.index, ARGDATA_ITERATOR_INVALID);
  }
}

TEST(ArgdataIterator, EmptyContainers) {
  Ad seq(argdata_create_seq(nullptr, 0));
  Ad map(argdata_create_map(nullptr, nullptr, 0));
  EXPECT_EQ(SerializeHex(seq.get()), "07");
  EXPECT_EQ(SerializeHex(map.get()), "06");
  Decoded ds = DecodeHex("07");
  for (const argdata_t *ad : {static_cast<const argdata_t *>(seq.get()), ds.get()}) {
    argdata_seq_iterator_t it;
    const argdata_t *e;
    argdata_seq_iterate(ad, &it);
    EXPECT_EQ(it.index, ARGDATA_ITERATOR_END);
    EXPECT_FALSE(argdata_seq_get(&it, &e));
    argdata_seq_next(&it);
    EXPECT_EQ(it.index, ARGDATA_ITERATOR_END);
  }
  Decoded dm = DecodeHex("06");
  for (const argdata_t *ad : {static_cast<const argdata_t *>(map.get()), dm.get()}) {
    argdata_map_iterator_t it;
    const argdata_t *k, *v;
    argdata_map_iterate(ad, &it);
    EXPECT_EQ(it.index, ARGDATA_ITERATOR_END);
    EXPECT_FALSE(argdata_map_get(&it, &k, &v));
  }
}

TEST(ArgdataIterator, CreatedContainersYieldTheCallersPointers) {
  Ad a(argdata_create_int_s(1));
  Ad b(argdata_create_str_c("b"));
  const argdata_t *elements[] = {a.get(), &argdata_null, b.get()};
  Ad seq(argdata_create_seq(elements, 3));
  argdata_seq_iterator_t it;
  const argdata_t *e;
  size_t n = 0;
  for (argdata_seq_iterate(seq.get(), &it); argdata_seq_get(&it, &e); argdata_seq_next(&it)) {
    EXPECT_EQ(it.index, n);
    EXPECT_EQ(e, elements[n]);
    ++n;
  }
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(it.index, ARGDATA_ITERATOR_END);

  const argdata_t *keys[] = {b.get(), a.get()};
  const argdata_t *values[] = {&argdata_true, seq.get()};
  Ad map(argdata_create_map(keys, values, 2));
  argdata_map_iterator_t mit;
  const argdata_t *k, *v;
  n = 0;
  for (argdata_map_iterate(map.get(), &mit); argdata_map_get(&mit, &k, &v);
       argdata_map_next(&mit)) {
    EXPECT_EQ(k, keys[n]);
    EXPECT_EQ(v, values[n]);
    ++n;
  }
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(Dump(map.get()), "{str:b:true,int:1:[int:1,null,str:b]}");
}

TEST(ArgdataIterator, NestedSequences) {
  // [[1, [2, []]], [], null]
  Ad one(argdata_create_int_s(1));
  Ad two(argdata_create_int_s(2));
  Ad empty(argdata_create_seq(nullptr, 0));
  const argdata_t *l2[] = {two.get(), empty.get()};
  Ad s2(argdata_create_seq(l2, 2));
  const argdata_t *l1[] = {one.get(), s2.get()};
  Ad s1(argdata_create_seq(l1, 2));
  const argdata_t *l0[] = {s1.get(), empty.get(), &argdata_null};
  Ad s0(argdata_create_seq(l0, 3));
  Bytes bytes = Serialize(s0.get());
  EXPECT_EQ(ToHex(bytes), "07 8b 07 82 05 01 86 07 82 05 02 81 07 81 07 80");
  Decoded d = Decode(bytes);
  EXPECT_EQ(Dump(d.get()), "[[int:1,[int:2,[]]],[],null]");
  EXPECT_EQ(Dump(s0.get()), "[[int:1,[int:2,[]]],[],null]");
}

TEST(ArgdataIterator, NullElements) {
  Decoded d = DecodeHex("07 80 80 80");
  EXPECT_EQ(Dump(d.get()), "[null,null,null]");
  Decoded m = DecodeHex("06 80 80");
  EXPECT_EQ(Dump(m.get()), "{null:null}");
}

TEST(ArgdataIterator, CorruptTailStopsIteration) {
  Decoded d = DecodeHex("07 81 05 82 05 01 83 05");
  argdata_seq_iterator_t it;
  const argdata_t *e;
  argdata_seq_iterate(d.get(), &it);
  ASSERT_TRUE(argdata_seq_get(&it, &e));
  argdata_seq_next(&it);
  EXPECT_EQ(it.index, 1u);
  ASSERT_TRUE(argdata_seq_get(&it, &e));
  int v = 0;
  EXPECT_EQ(argdata_get_int(e, &v), 0);
  EXPECT_EQ(v, 1);
  argdata_seq_next(&it);
  EXPECT_EQ(it.index, ARGDATA_ITERATOR_INVALID);
  EXPECT_FALSE(argdata_seq_get(&it, &e));
  argdata_seq_next(&it);
  EXPECT_EQ(it.index, ARGDATA_ITERATOR_INVALID);
}

TEST(ArgdataIterator, CopiesAreIndependent) {
  Decoded d = DecodeHex("06 82 05 01 82 05 02 82 05 03 82 05 04");
  argdata_map_iterator_t a, b;
  const argdata_t *k, *v;
  argdata_map_iterate(d.get(), &a);
  std::memcpy(&b, &a, sizeof(a));
  argdata_map_next(&a);
  ASSERT_TRUE(argdata_map_get(&a, &k, &v));
  int x = 0;
  argdata_get_int(k, &x);
  EXPECT_EQ(x, 3);
  // b still sits on the first pair; its key lives inside b.
  ASSERT_TRUE(argdata_map_get(&b, &k, &v));
  argdata_get_int(k, &x);
  EXPECT_EQ(x, 1);
  argdata_get_int(v, &x);
  EXPECT_EQ(x, 2);
  EXPECT_GE(reinterpret_cast<const char *>(k), reinterpret_cast<const char *>(&b));
  EXPECT_LT(reinterpret_cast<const char *>(k), reinterpret_cast<const char *>(&b + 1));
  argdata_map_next(&a);
  EXPECT_EQ(a.index, ARGDATA_ITERATOR_END);
  EXPECT_EQ(b.index, 0u);
}

TEST(ArgdataIterator, DecodedElementsCarryTheConverter) {
  Bytes bytes = Hex("06 83 08 66 00 85 03 00 00 00 04");
  Decoded d = Decode(bytes, [](void *, size_t i) -> int { return static_cast<int>(i) * 10; });
  EXPECT_EQ(Dump(d.get()), "{str:f:fd:40}");
}

}  // namespace
}  // namespace argdata_test
