// File descriptors: conversion callbacks, serialization with deduplication
// and remapping, re-scanning of embedded serialized buffers.

#include <gtest/gtest.h>

#include <cerrno>
#include <random>
#include <string>
#include <vector>

#include "test_util.h"

extern "C" {
void __argdata_scan_fds(const unsigned char *buf, size_t len, void (*visit)(void *, size_t),
                        void *ctx);
void argdata_test_scan_fds_nomem(const unsigned char *buf, size_t len,
                                 void (*visit)(void *, size_t), void *ctx);
}

namespace argdata_test {
namespace {

struct Calls {
  std::vector<size_t> indices;
  void *seen_arg = nullptr;
};

int Recording(void *arg, size_t index) {
  auto *calls = static_cast<Calls *>(arg);
  calls->indices.push_back(index);
  calls->seen_arg = arg;
  return index == 13 ? -7 : static_cast<int>(index) + 100;
}

TEST(ArgdataFd, ConversionCallback) {
  Calls calls;
  Bytes bytes = Hex("03 00 00 00 2a");
  Decoded d = Decode(bytes, Recording, &calls);
  int fd = -1;
  EXPECT_EQ(argdata_get_fd(d.get(), &fd), 0);
  EXPECT_EQ(fd, 142);
  EXPECT_EQ(calls.indices, std::vector<size_t>({42}));
  EXPECT_EQ(calls.seen_arg, &calls);

  // A negative result means the descriptor is not available.
  Bytes b13 = Hex("03 00 00 00 0d");
  fd = -1;
  EXPECT_EQ(argdata_get_fd(Decode(b13, Recording, &calls).get(), &fd), EBADF);
  EXPECT_EQ(fd, -1);

  // Without a callback, descriptors are never available.
  EXPECT_EQ(argdata_get_fd(DecodeHex("03 00 00 00 00").get(), &fd), EBADF);

  // 0xffffffff is the invalid descriptor; the callback is not consulted.
  calls.indices.clear();
  Bytes invalid = Hex("03 ff ff ff ff");
  EXPECT_EQ(argdata_get_fd(Decode(invalid, Recording, &calls).get(), &fd), EBADF);
  EXPECT_TRUE(calls.indices.empty());

  // The full 32-bit range reaches the callback.
  Bytes big = Hex("03 ff ff ff fe");
  calls.indices.clear();
  argdata_get_fd(Decode(big, Recording, &calls).get(), &fd);
  EXPECT_EQ(calls.indices, std::vector<size_t>({0xfffffffeu}));
}

TEST(ArgdataFd, CreatedDescriptors) {
  Ad fd(argdata_create_fd(12));
  int got = -1;
  EXPECT_EQ(argdata_get_fd(fd.get(), &got), 0);
  EXPECT_EQ(got, 12);
  Ad bad(argdata_create_fd(-1));
  EXPECT_EQ(argdata_get_fd(bad.get(), &got), EBADF);
  // An unavailable descriptor is written as 0xffffffff and takes no slot.
  std::vector<int> fds;
  EXPECT_EQ(ToHex(Serialize(bad.get(), &fds)), "03 ff ff ff ff");
  EXPECT_TRUE(fds.empty());
  EXPECT_EQ(SerializeHex(bad.get()), "03 ff ff ff ff");
  // Not a descriptor.
  EXPECT_EQ(argdata_get_fd(&argdata_true, &got), EINVAL);
  Ad i(argdata_create_int_s(3));
  EXPECT_EQ(argdata_get_fd(i.get(), &got), EINVAL);
}

// Index i of a serialized buffer converts to table[i].
int FromTable(void *arg, size_t index) {
  auto *table = static_cast<std::vector<int> *>(arg);
  return index < table->size() ? (*table)[index] : -1;
}

TEST(ArgdataFd, EmbeddedBuffersAreRemapped) {
  // A received message: [fd#0, fd#1, fd#0, fd#2] where #0 -> 20, #1 -> 30
  // and #2 is unavailable.
  std::vector<int> received = {20, 30, -1};
  Bytes inner = Hex("07 85 03 00 00 00 00 85 03 00 00 00 01 85 03 00 00 00 00 85 03 00 00 00 02");
  Decoded embedded = Decode(inner, FromTable, &received);
  // And a map {"k": fd#1} from the same message.
  Bytes map_bytes = Hex("06 83 08 6b 00 85 03 00 00 00 01");
  Decoded embedded_map = Decode(map_bytes, FromTable, &received);

  Ad fd30(argdata_create_fd(30));
  Ad fd40(argdata_create_fd(40));
  const argdata_t *elements[] = {fd30.get(), embedded.get(), fd40.get(), embedded_map.get()};
  Ad top(argdata_create_seq(elements, 4));

  size_t len = 0, n_fds = 0;
  argdata_serialized_length(top.get(), &len, &n_fds);
  EXPECT_EQ(n_fds, 7u);  // occurrences: 1 + 4 + 1 + 1
  std::vector<int> fds;
  Bytes out = Serialize(top.get(), &fds);
  EXPECT_EQ(fds, std::vector<int>({30, 20, 40}));
  EXPECT_EQ(ToHex(out),
            "07"
            " 85 03 00 00 00 00"                          // 30 -> 0
            " 99 07 85 03 00 00 00 01 85 03 00 00 00 00"  // 20 -> 1, 30 -> 0
            " 85 03 00 00 00 01 85 03 ff ff ff ff"        // 20 -> 1, unavailable
            " 85 03 00 00 00 02"                          // 40 -> 2
            " 8b 06 83 08 6b 00 85 03 00 00 00 00");      // 30 -> 0
  // The source buffers are left alone.
  EXPECT_EQ(inner,
            Hex("07 85 03 00 00 00 00 85 03 00 00 00 01 85 03 00 00 00 00 85 03 00 00 00 02"));

  // Decoding the result with the fds array gives the same descriptors.
  Decoded again = Decode(out, FromTable, &fds);
  EXPECT_EQ(Dump(again.get()), "[fd:30,[fd:20,fd:30,fd:20,fd:EBADF],fd:40,{str:k:fd:30}]");
  EXPECT_EQ(Dump(top.get()), "[fd:30,[fd:20,fd:30,fd:20,fd:EBADF],fd:40,{str:k:fd:30}]");

  // Without an fds array the process-local numbers are written.
  EXPECT_EQ(SerializeHex(embedded.get()),
            "07 85 03 00 00 00 14 85 03 00 00 00 1e 85 03 00 00 00 14 85 03 ff ff ff ff");
}

TEST(ArgdataFd, EmbeddedBufferWithoutCallback) {
  Decoded d = DecodeHex("07 85 03 00 00 00 03");
  std::vector<int> fds;
  EXPECT_EQ(ToHex(Serialize(d.get(), &fds)), "07 85 03 ff ff ff ff");
  EXPECT_TRUE(fds.empty());
  EXPECT_EQ(SerializeHex(d.get()), "07 85 03 ff ff ff ff");
}

TEST(ArgdataFd, OnlyReachableDescriptorsAreRewritten) {
  // Valid fd, then a corrupt subfield (overlong length) hiding fd-like bytes.
  Bytes bytes = Hex("07 85 03 00 00 00 01 00 85 03 00 00 00 02");
  Decoded d = Decode(bytes, IdentityFd);
  size_t len, n_fds;
  argdata_serialized_length(d.get(), &len, &n_fds);
  EXPECT_EQ(n_fds, 1u);
  std::vector<int> fds;
  EXPECT_EQ(ToHex(Serialize(d.get(), &fds)), "07 85 03 00 00 00 00 00 85 03 00 00 00 02");
  EXPECT_EQ(fds, std::vector<int>({1}));
  // Malformed descriptor values (wrong length) are not descriptors.
  Decoded short_fd = Decode(Hex("07 84 03 00 00 01"), IdentityFd);
  argdata_serialized_length(short_fd.get(), &len, &n_fds);
  EXPECT_EQ(n_fds, 0u);
  EXPECT_EQ(ToHex(Serialize(short_fd.get(), &fds)), "07 84 03 00 00 01");
}

TEST(ArgdataFd, TopLevelBufferDescriptor) {
  Bytes bytes = Hex("03 00 00 00 02");
  Decoded d = Decode(bytes, IdentityFd);
  std::vector<int> fds;
  EXPECT_EQ(ToHex(Serialize(d.get(), &fds)), "03 00 00 00 00");
  EXPECT_EQ(fds, std::vector<int>({2}));
}

// The scanner's fallback without memory must agree with the normal path.
void Collect(void *ctx, size_t offset) {
  static_cast<std::vector<size_t> *>(ctx)->push_back(offset);
}

std::vector<size_t> Scan(const Bytes &b) {
  std::vector<size_t> out;
  __argdata_scan_fds(b.data(), b.size(), Collect, &out);
  return out;
}

std::vector<size_t> ScanNoMem(const Bytes &b) {
  std::vector<size_t> out;
  argdata_test_scan_fds_nomem(b.data(), b.size(), Collect, &out);
  return out;
}

// A random tree of sequences and maps with descriptors and other values.
Bytes RandomTree(std::mt19937 &rng, int depth) {
  std::uniform_int_distribution<int> pick(0, 9);
  int kind = depth > 12 ? pick(rng) % 4 : pick(rng);
  switch (kind) {
    case 0:
      return Hex("03 00 00 00 01");
    case 1:
      return Hex("05 01");
    case 2:
      return Bytes();
    case 3:
      return Hex("08 61 00");
    default: {
      bool map = kind >= 8;
      std::uniform_int_distribution<int> count(0, 4);
      int n = count(rng) * (map ? 2 : 1);
      Bytes out{static_cast<unsigned char>(map ? 0x06 : 0x07)};
      for (int i = 0; i < n; ++i) {
        Bytes child = RandomTree(rng, depth + 1);
        Ad wrapped(argdata_from_buffer(child.data(), child.size(), nullptr, nullptr));
        const argdata_t *elements[] = {wrapped.get()};
        Ad seq(argdata_create_seq(elements, 1));
        Bytes framed = Serialize(seq.get());  // 07 <length> <child>
        out.insert(out.end(), framed.begin() + 1, framed.end());
      }
      return out;
    }
  }
}

TEST(ArgdataFd, ScannerFallbackAgrees) {
  std::mt19937 rng(12345);
  size_t total = 0;
  for (int round = 0; round < 300; ++round) {
    Bytes tree = RandomTree(rng, 0);
    std::vector<size_t> expect = Scan(tree);
    EXPECT_EQ(ScanNoMem(tree), expect);
    total += expect.size();
    // And after corrupting a byte.
    if (!tree.empty()) {
      std::uniform_int_distribution<size_t> where(0, tree.size() - 1);
      Bytes corrupt = tree;
      corrupt[where(rng)] ^= 0x5a;
      EXPECT_EQ(ScanNoMem(corrupt), Scan(corrupt));
    }
  }
  EXPECT_GT(total, 100u);

  // Deep chains with descriptors at several levels.
  Bytes deep = Hex("03 00 00 00 07");
  for (int level = 0; level < 100; ++level) {
    Ad inner(argdata_from_buffer(deep.data(), deep.size(), nullptr, nullptr));
    Ad fd(argdata_create_fd(level));
    const argdata_t *elements[] = {fd.get(), inner.get(), fd.get()};
    Ad seq(argdata_create_seq(elements, level % 3 == 0 ? 2 : 3));
    deep = Serialize(seq.get());
  }
  std::vector<size_t> expect = Scan(deep);
  EXPECT_EQ(expect.size(), 1u + 100u + 66u);
  EXPECT_EQ(ScanNoMem(deep), expect);
}

}  // namespace
}  // namespace argdata_test
