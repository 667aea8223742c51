// The C++17 interface in argdata.hpp.

#include <argdata.hpp>

#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace {

using namespace std::literals;

static_assert(!std::is_default_constructible_v<argdata_t>);
static_assert(!std::is_copy_constructible_v<argdata_t>);
static_assert(std::is_same_v<decltype(argdata_t::create_int(1)), std::unique_ptr<argdata_t>>);
static_assert(std::is_same_v<argdata_t::timestamp::duration, std::chrono::nanoseconds>);

std::string Hex(const std::vector<unsigned char> &bytes) {
  std::string out;
  char buf[4];
  for (size_t i = 0; i < bytes.size(); ++i) {
    snprintf(buf, sizeof(buf), i == 0 ? "%02x" : " %02x", bytes[i]);
    out += buf;
  }
  return out;
}

TEST(ArgdataCxx, ScalarsRoundTrip) {
  auto i = argdata_t::create_int(-129);
  EXPECT_EQ(Hex(i->serialize()), "05 ff 7f");
  EXPECT_EQ(i->get_int<int>(), -129);
  EXPECT_EQ(i->get_int(), std::intmax_t{-129});
  EXPECT_EQ(i->get_int<signed char>(), std::nullopt);
  EXPECT_EQ(i->get_int<unsigned>(), std::nullopt);
  EXPECT_EQ(i->as_int<unsigned>(), 0u);
  EXPECT_EQ(i->get_str(), std::nullopt);

  auto u = argdata_t::create_int(std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(Hex(u->serialize()), "05 00 ff ff ff ff ff ff ff ff");
  EXPECT_EQ(u->get_int<std::uint64_t>(), std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(u->get_int<std::int64_t>(), std::nullopt);
  auto uc = argdata_t::create_int(static_cast<unsigned char>(255));
  EXPECT_EQ(Hex(uc->serialize()), "05 00 ff");

  auto f = argdata_t::create_float(1.5);
  EXPECT_EQ(f->get_float(), 1.5);
  EXPECT_EQ(f->as_float(), 1.5);
  EXPECT_EQ(i->as_float(), 0.0);

  auto s = argdata_t::create_str("h\0i"sv);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->get_str(), "h\0i"sv);
  EXPECT_EQ(s->as_str(), "h\0i"sv);
  EXPECT_EQ(i->as_str(), ""sv);
  errno = 0;
  EXPECT_EQ(argdata_t::create_str("\xff"sv), nullptr);
  EXPECT_EQ(errno, EILSEQ);

  const unsigned char raw[] = {1, 2, 3};
  auto b = argdata_t::create_binary(raw);
  ASSERT_TRUE(b->get_binary());
  EXPECT_EQ(b->get_binary()->size(), 3u);
  EXPECT_EQ(b->as_binary()[2], 3);
  EXPECT_EQ(b->as_binary().data(), raw);
  EXPECT_TRUE(i->as_binary().empty());

  EXPECT_EQ(argdata_t::true_()->get_bool(), true);
  EXPECT_EQ(argdata_t::false_()->get_bool(), false);
  EXPECT_EQ(argdata_t::bool_(true), &argdata_true);
  EXPECT_EQ(argdata_t::null(), &argdata_null);
  EXPECT_EQ(argdata_t::null()->get_bool(), std::nullopt);
  EXPECT_FALSE(argdata_t::null()->as_bool());
  EXPECT_EQ(argdata_t::null()->serialized_length(), 0u);

  auto fd = argdata_t::create_fd(5);
  EXPECT_EQ(fd->get_fd(), 5);
  EXPECT_EQ(i->as_fd(), -1);
}

TEST(ArgdataCxx, Timestamps) {
  argdata_t::timestamp t{std::chrono::nanoseconds(1000000500)};
  auto ts = argdata_t::create_timestamp(t);
  EXPECT_EQ(Hex(ts->serialize()), "09 3b 9a cb f4");
  EXPECT_EQ(ts->get_timestamp(), t);
  ASSERT_TRUE(ts->get_timespec());
  EXPECT_EQ(ts->get_timespec()->tv_sec, 1);
  EXPECT_EQ(ts->get_timespec()->tv_nsec, 500);

  argdata_t::timestamp before{std::chrono::nanoseconds(-1)};
  auto neg = argdata_t::create_timestamp(before);
  EXPECT_EQ(Hex(neg->serialize()), "09 ff");
  EXPECT_EQ(neg->get_timespec()->tv_sec, -1);
  EXPECT_EQ(neg->get_timespec()->tv_nsec, 999999999);
  EXPECT_EQ(neg->as_timestamp(), before);

  // Representable as timespec, but not as 64-bit nanoseconds.
  struct timespec far = {};
  far.tv_sec = 10000000000;
  auto big = argdata_t::create_timestamp(far);
  EXPECT_EQ(big->get_timestamp(), std::nullopt);
  EXPECT_EQ(big->get_timespec()->tv_sec, 10000000000);
  EXPECT_EQ(big->as_timestamp(), argdata_t::timestamp());
}

TEST(ArgdataCxx, ContainersAndIteration) {
  auto one = argdata_t::create_int(1);
  auto name = argdata_t::create_str("name");
  auto value = argdata_t::create_str("cloudabi");
  std::vector<const argdata_t *> elements = {one.get(), argdata_t::true_(), argdata_t::null()};
  auto seq = argdata_t::create_seq(elements);
  std::array<const argdata_t *, 2> keys = {name.get(), one.get()};
  std::array<const argdata_t *, 2> values = {value.get(), seq.get()};
  auto map = argdata_t::create_map(keys, values);
  ASSERT_TRUE(map);
  errno = 0;
  EXPECT_EQ(argdata_t::create_map(keys, elements), nullptr);  // size mismatch
  EXPECT_EQ(errno, EINVAL);

  std::vector<unsigned char> bytes = map->serialize();
  EXPECT_EQ(Hex(bytes),
            "06 86 08 6e 61 6d 65 00 8a 08 63 6c 6f 75 64 61 62 69 00 82 05 01 88 07 82 "
            "05 01 82 02 01 80");
  auto decoded = argdata_t::create_from_buffer(bytes);

  for (const argdata_t *m : {map.get(), decoded.get()}) {
    std::vector<std::string> seen;
    for (auto [k, v] : m->as_map()) {
      if (auto s = k->get_str()) {
        seen.push_back(std::string(*s) + "=" + std::string(v->as_str()));
      } else {
        std::string items;
        for (const argdata_t *e : v->as_seq()) {
          items += e->get_int<int>() ? "int," : e->get_bool() ? "bool," : "other,";
        }
        seen.push_back(std::to_string(k->as_int<int>()) + "=" + items);
      }
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"name=cloudabi", "1=int,bool,other,"}));
    ASSERT_TRUE(m->get_map());
    EXPECT_EQ(m->get_seq(), std::nullopt);
    EXPECT_EQ(m->as_seq().begin(), m->as_seq().end());
  }

  // Iterator details: index(), error(), operator->.
  auto it = decoded->as_map().begin();
  EXPECT_EQ(it.index(), 0u);
  EXPECT_EQ(it->first->as_str(), "name");
  ++it;
  EXPECT_EQ(it.index(), 1u);
  it++;
  EXPECT_EQ(it.index(), ARGDATA_ITERATOR_END);
  EXPECT_EQ(it, decoded->as_map().end());
  EXPECT_EQ(it.error(), 0);

  // A corrupt sequence: one element, then an error.
  const unsigned char corrupt[] = {0x07, 0x81, 0x05, 0x00};
  auto bad = argdata_t::create_from_buffer(corrupt);
  auto sit = bad->as_seq().begin();
  ASSERT_NE(sit, bad->as_seq().end());
  EXPECT_EQ((*sit)->get_int<int>(), 0);
  ++sit;
  EXPECT_EQ(sit, bad->as_seq().end());
  EXPECT_EQ(sit.index(), ARGDATA_ITERATOR_INVALID);
  EXPECT_EQ(sit.error(), EINVAL);
  EXPECT_EQ(one->get_seq(), std::nullopt);
  EXPECT_EQ(one->as_seq().error(), EINVAL);
  EXPECT_EQ(one->as_map().begin(), one->as_map().end());
}

int Plus100(void *, size_t index) { return static_cast<int>(index) + 100; }

TEST(ArgdataCxx, SerializeOverloads) {
  auto fd9 = argdata_t::create_fd(9);
  auto fd4 = argdata_t::create_fd(4);
  std::vector<const argdata_t *> elements = {fd9.get(), argdata_t::null(), fd4.get(), fd9.get()};
  auto seq = argdata_t::create_seq(elements);

  size_t n_fds = 0;
  EXPECT_EQ(seq->serialized_length(&n_fds), 20u);
  EXPECT_EQ(n_fds, 3u);

  std::vector<int> fds;
  std::vector<unsigned char> buf = seq->serialize(&fds);
  EXPECT_EQ(Hex(buf), "07 85 03 00 00 00 00 80 85 03 00 00 00 01 85 03 00 00 00 00");
  EXPECT_EQ(fds, (std::vector<int>{9, 4}));

  std::vector<unsigned char> buf2;
  std::vector<int> fds2 = {1, 2, 3, 4, 5};
  seq->serialize(buf2, fds2);
  EXPECT_EQ(buf2, buf);
  EXPECT_EQ(fds2, fds);

  std::vector<unsigned char> literal;
  seq->serialize(literal);
  EXPECT_EQ(Hex(literal), "07 85 03 00 00 00 09 80 85 03 00 00 00 04 85 03 00 00 00 09");

  auto decoded = argdata_t::create_from_buffer(buf, Plus100);
  std::vector<int> got;
  for (const argdata_t *e : decoded->as_seq()) got.push_back(e->as_fd());
  EXPECT_EQ(got, (std::vector<int>{100, -1, 101, 100}));
}

TEST(ArgdataCxx, ReaderWriter) {
  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  int p[2];
  ASSERT_EQ(pipe(p), 0);

  auto writer = argdata_writer_t::create();
  auto fd = argdata_t::create_fd(p[1]);
  auto text = argdata_t::create_str("payload");
  std::vector<const argdata_t *> elements = {text.get(), fd.get()};
  auto msg = argdata_t::create_seq(elements);
  writer->set(msg.get());
  ASSERT_EQ(writer->push(sv[0]), 0);
  close(sv[0]);

  auto reader = argdata_reader_t::create(1024, 4);
  ASSERT_EQ(reader->pull(sv[1]), 0);
  const argdata_t *got = reader->get();
  ASSERT_NE(got, nullptr);
  auto it = got->as_seq().begin();
  EXPECT_EQ((*it)->as_str(), "payload");
  ++it;
  int received = (*it)->as_fd();
  ASSERT_GE(received, 0);
  reader->release_fd(received);
  EXPECT_EQ((*it)->get_fd(), std::nullopt);
  ASSERT_EQ(reader->pull(sv[1]), 0);
  EXPECT_EQ(reader->get(), nullptr);
  reader.reset();
  ASSERT_EQ(write(received, "k", 1), 1);
  char c = 0;
  ASSERT_EQ(read(p[0], &c, 1), 1);
  EXPECT_EQ(c, 'k');
  close(received);
  close(p[0]);
  close(p[1]);
  close(sv[1]);
}

}  // namespace
