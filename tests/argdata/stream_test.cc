// argdata_reader / argdata_writer over sockets and pipes.

#include <gtest/gtest.h>

#include <dirent.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "test_util.h"

namespace argdata_test {
namespace {

struct Pair {
  int fd[2] = {-1, -1};
  ~Pair() {
    for (int f : fd)
      if (f >= 0) close(f);
  }
  void CloseEnd(int i) {
    close(fd[i]);
    fd[i] = -1;
  }
};

void SocketPair(Pair *p) { ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, p->fd), 0); }
void PipePair(Pair *p) { ASSERT_EQ(pipe(p->fd), 0); }

bool IsOpen(int fd) { return fcntl(fd, F_GETFD) != -1; }

int CountOpenFds() {
  int n = 0;
  DIR *dir = opendir("/proc/self/fd");
  if (dir == nullptr) return -1;
  while (struct dirent *e = readdir(dir)) {
    if (e->d_name[0] != '.') ++n;
  }
  closedir(dir);
  return n;
}

struct ReaderFree {
  void operator()(argdata_reader_t *r) const { argdata_reader_free(r); }
};
struct WriterFree {
  void operator()(argdata_writer_t *w) const { argdata_writer_free(w); }
};
using Reader = std::unique_ptr<argdata_reader_t, ReaderFree>;
using Writer = std::unique_ptr<argdata_writer_t, WriterFree>;

int Send(int fd, const argdata_t *ad) {
  Writer w(argdata_writer_create());
  argdata_writer_set(w.get(), ad);
  return argdata_writer_push(w.get(), fd);
}

// Looks up a key in a map.
const argdata_t *Lookup(const argdata_t *map, const char *key, argdata_map_iterator_t *it) {
  const argdata_t *k, *v;
  for (argdata_map_iterate(map, it); argdata_map_get(it, &k, &v); argdata_map_next(it)) {
    const char *s;
    if (argdata_get_str_c(k, &s) == 0 && std::strcmp(s, key) == 0) return v;
  }
  return nullptr;
}

TEST(ArgdataStream, SocketRoundTripWithDescriptors) {
  Pair sock, data;
  SocketPair(&sock);
  PipePair(&data);

  Ad in(argdata_create_fd(data.fd[0]));
  Ad out(argdata_create_fd(data.fd[1]));
  Ad answer(argdata_create_int_s(42));
  Ad k_in(argdata_create_str_c("in")), k_out(argdata_create_str_c("out")),
      k_again(argdata_create_str_c("again")), k_n(argdata_create_str_c("n"));
  const argdata_t *keys[] = {k_in.get(), k_out.get(), k_again.get(), k_n.get()};
  const argdata_t *values[] = {in.get(), out.get(), in.get(), answer.get()};
  Ad msg(argdata_create_map(keys, values, 4));
  ASSERT_EQ(Send(sock.fd[0], msg.get()), 0);

  int before = CountOpenFds();
  Reader r(argdata_reader_create(4096, 8));
  ASSERT_EQ(argdata_reader_pull(r.get(), sock.fd[1]), 0);
  const argdata_t *got = argdata_reader_get(r.get());
  ASSERT_NE(got, nullptr);
  EXPECT_EQ(CountOpenFds(), before + 2);  // two distinct descriptors arrived

  argdata_map_iterator_t it;
  int rin = -1, rout = -1, ragain = -1, n = 0;
  ASSERT_EQ(argdata_get_fd(Lookup(got, "in", &it), &rin), 0);
  ASSERT_EQ(argdata_get_fd(Lookup(got, "out", &it), &rout), 0);
  ASSERT_EQ(argdata_get_fd(Lookup(got, "again", &it), &ragain), 0);
  ASSERT_EQ(argdata_get_int(Lookup(got, "n", &it), &n), 0);
  EXPECT_EQ(n, 42);
  EXPECT_EQ(rin, ragain);
  EXPECT_NE(rin, rout);
  EXPECT_NE(rin, data.fd[0]);
  EXPECT_NE(rout, data.fd[1]);
  // They are the same pipe.
  ASSERT_EQ(write(rout, "hi", 2), 2);
  char buf[2];
  ASSERT_EQ(read(data.fd[0], buf, 2), 2);
  EXPECT_EQ(std::string(buf, 2), "hi");
  ASSERT_EQ(write(data.fd[1], "yo", 2), 2);
  ASSERT_EQ(read(rin, buf, 2), 2);
  EXPECT_EQ(std::string(buf, 2), "yo");

  // Released descriptors stop being reachable through the value and survive
  // the next pull; the others are closed by it.
  argdata_reader_release_fd(r.get(), rout);
  int fd = -1;
  EXPECT_EQ(argdata_get_fd(Lookup(got, "out", &it), &fd), EBADF);
  EXPECT_EQ(argdata_get_fd(Lookup(got, "in", &it), &fd), 0);
  sock.CloseEnd(0);
  ASSERT_EQ(argdata_reader_pull(r.get(), sock.fd[1]), 0);  // EOF
  EXPECT_EQ(argdata_reader_get(r.get()), nullptr);
  EXPECT_FALSE(IsOpen(rin));
  EXPECT_TRUE(IsOpen(rout));
  close(rout);
}

TEST(ArgdataStream, ReaderFreeClosesDescriptors) {
  Pair sock;
  SocketPair(&sock);
  Ad fd(argdata_create_fd(sock.fd[0]));
  ASSERT_EQ(Send(sock.fd[0], fd.get()), 0);
  int before = CountOpenFds();
  Reader r(argdata_reader_create(64, 1));
  ASSERT_EQ(argdata_reader_pull(r.get(), sock.fd[1]), 0);
  EXPECT_EQ(CountOpenFds(), before + 1);
  int received = -1;
  ASSERT_EQ(argdata_get_fd(argdata_reader_get(r.get()), &received), 0);
  EXPECT_TRUE(IsOpen(received));
  r.reset();
  EXPECT_EQ(CountOpenFds(), before);
}

TEST(ArgdataStream, SeveralMessagesThenEof) {
  Pair sock;
  SocketPair(&sock);
  for (int i = 0; i < 3; ++i) {
    Ad v(argdata_create_int_s(i * 1000));
    ASSERT_EQ(Send(sock.fd[0], v.get()), 0);
  }
  ASSERT_EQ(Send(sock.fd[0], &argdata_null), 0);
  sock.CloseEnd(0);

  Reader r(argdata_reader_create(64, 0));
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(argdata_reader_pull(r.get(), sock.fd[1]), 0);
    EXPECT_EQ(Dump(argdata_reader_get(r.get())), "int:" + std::to_string(i * 1000));
  }
  // An empty message is null, not end-of-file.
  ASSERT_EQ(argdata_reader_pull(r.get(), sock.fd[1]), 0);
  ASSERT_NE(argdata_reader_get(r.get()), nullptr);
  EXPECT_EQ(Dump(argdata_reader_get(r.get())), "null");
  ASSERT_EQ(argdata_reader_pull(r.get(), sock.fd[1]), 0);
  EXPECT_EQ(argdata_reader_get(r.get()), nullptr);
  // End-of-file again.
  ASSERT_EQ(argdata_reader_pull(r.get(), sock.fd[1]), 0);
  EXPECT_EQ(argdata_reader_get(r.get()), nullptr);
}

TEST(ArgdataStream, PipeWithoutDescriptors) {
  Pair p;
  PipePair(&p);
  Ad s(argdata_create_str_c("over a pipe"));
  const argdata_t *elements[] = {s.get(), &argdata_true};
  Ad seq(argdata_create_seq(elements, 2));
  ASSERT_EQ(Send(p.fd[1], seq.get()), 0);
  ASSERT_EQ(Send(p.fd[1], &argdata_false), 0);
  p.CloseEnd(1);
  Reader r(argdata_reader_create(1024, 4));
  ASSERT_EQ(argdata_reader_pull(r.get(), p.fd[0]), 0);
  EXPECT_EQ(Dump(argdata_reader_get(r.get())), "[str:over a pipe,true]");
  ASSERT_EQ(argdata_reader_pull(r.get(), p.fd[0]), 0);
  EXPECT_EQ(Dump(argdata_reader_get(r.get())), "false");
  ASSERT_EQ(argdata_reader_pull(r.get(), p.fd[0]), 0);
  EXPECT_EQ(argdata_reader_get(r.get()), nullptr);
}

TEST(ArgdataStream, WireFormat) {
  Pair p;
  PipePair(&p);
  ASSERT_EQ(Send(p.fd[1], &argdata_true), 0);
  Ad big(argdata_create_int_u(1000));
  ASSERT_EQ(Send(p.fd[1], big.get()), 0);
  unsigned char buf[64];
  ssize_t n = read(p.fd[0], buf, sizeof(buf));
  ASSERT_EQ(n, 8 + 2 + 8 + 3);
  EXPECT_EQ(ToHex(Bytes(buf, buf + n)),
            "00 00 00 00 00 00 00 02 02 01 00 00 00 00 00 00 00 03 05 03 e8");
}

TEST(ArgdataStream, DescriptorsOverAPipeAreENOTSOCK) {
  Pair p;
  PipePair(&p);
  Ad fd(argdata_create_fd(p.fd[0]));
  EXPECT_EQ(Send(p.fd[1], fd.get()), ENOTSOCK);
  // Nothing was written.
  ASSERT_EQ(fcntl(p.fd[0], F_SETFL, O_NONBLOCK), 0);
  char c;
  EXPECT_EQ(read(p.fd[0], &c, 1), -1);
  EXPECT_EQ(errno, EAGAIN);
}

TEST(ArgdataStream, MessageTooLarge) {
  Pair sock;
  SocketPair(&sock);
  std::string text(100, 'x');
  Ad s(argdata_create_str(text.data(), text.size()));
  ASSERT_EQ(Send(sock.fd[0], s.get()), 0);
  Reader r(argdata_reader_create(101, 0));  // the encoding is 102 bytes
  EXPECT_EQ(argdata_reader_pull(r.get(), sock.fd[1]), EMSGSIZE);
  EXPECT_EQ(argdata_reader_get(r.get()), nullptr);

  Pair sock2;
  SocketPair(&sock2);
  ASSERT_EQ(Send(sock2.fd[0], s.get()), 0);
  Reader exact(argdata_reader_create(102, 0));
  EXPECT_EQ(argdata_reader_pull(exact.get(), sock2.fd[1]), 0);
  EXPECT_EQ(Dump(argdata_reader_get(exact.get())), "str:" + text);
}

TEST(ArgdataStream, TooManyDescriptors) {
  Pair sock, a, b;
  SocketPair(&sock);
  PipePair(&a);
  PipePair(&b);
  Ad f0(argdata_create_fd(a.fd[0])), f1(argdata_create_fd(a.fd[1])), f2(argdata_create_fd(b.fd[0]));
  const argdata_t *elements[] = {f0.get(), f1.get(), f2.get()};
  Ad seq(argdata_create_seq(elements, 3));

  ASSERT_EQ(Send(sock.fd[0], seq.get()), 0);
  int before = CountOpenFds() + 2;  // sock2 is opened below
  Reader r(argdata_reader_create(1024, 2));
  EXPECT_EQ(argdata_reader_pull(r.get(), sock.fd[1]), EMSGSIZE);
  EXPECT_EQ(CountOpenFds(), before - 2);  // nothing leaked

  // A reader that accepts no descriptors at all.
  Pair sock2;
  SocketPair(&sock2);
  ASSERT_EQ(Send(sock2.fd[0], seq.get()), 0);
  Reader none(argdata_reader_create(1024, 0));
  EXPECT_EQ(argdata_reader_pull(none.get(), sock2.fd[1]), EMSGSIZE);
  EXPECT_EQ(CountOpenFds(), before);
}

TEST(ArgdataStream, TruncatedMessages) {
  {
    // Header cut short.
    Pair p;
    PipePair(&p);
    ASSERT_EQ(write(p.fd[1], "\0\0\0", 3), 3);
    p.CloseEnd(1);
    Reader r(argdata_reader_create(64, 0));
    EXPECT_EQ(argdata_reader_pull(r.get(), p.fd[0]), EBADMSG);
  }
  {
    // Body cut short.
    Pair p;
    SocketPair(&p);
    const unsigned char msg[] = {0, 0, 0, 0, 0, 0, 0, 10, 0x01, 0x02, 0x03};
    ASSERT_EQ(write(p.fd[1], msg, sizeof(msg)), static_cast<ssize_t>(sizeof(msg)));
    p.CloseEnd(1);
    Reader r(argdata_reader_create(64, 0));
    EXPECT_EQ(argdata_reader_pull(r.get(), p.fd[0]), EBADMSG);
    EXPECT_EQ(argdata_reader_get(r.get()), nullptr);
  }
  {
    // A huge announced length beyond the limit is EMSGSIZE.
    Pair p;
    PipePair(&p);
    const unsigned char msg[] = {0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00};
    ASSERT_EQ(write(p.fd[1], msg, sizeof(msg)), 8);
    Reader r(argdata_reader_create(1 << 20, 0));
    EXPECT_EQ(argdata_reader_pull(r.get(), p.fd[0]), EMSGSIZE);
  }
  {
    // Within an unlimited reader, it allocates only as data arrives: here
    // the stream ends after a few bytes.
    Pair p;
    PipePair(&p);
    const unsigned char msg[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x07};
    ASSERT_EQ(write(p.fd[1], msg, sizeof(msg)), 9);
    p.CloseEnd(1);
    Reader r(argdata_reader_create(SIZE_MAX, 0));
    EXPECT_EQ(argdata_reader_pull(r.get(), p.fd[0]), EBADMSG);
  }
}

TEST(ArgdataStream, NonBlockingPartialTransfers) {
  Pair sock, data;
  SocketPair(&sock);
  PipePair(&data);
  int small = 4096;
  setsockopt(sock.fd[0], SOL_SOCKET, SO_SNDBUF, &small, sizeof(small));
  setsockopt(sock.fd[1], SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
  ASSERT_EQ(fcntl(sock.fd[0], F_SETFL, O_NONBLOCK), 0);
  ASSERT_EQ(fcntl(sock.fd[1], F_SETFL, O_NONBLOCK), 0);

  Bytes payload(1 << 20);
  for (size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<unsigned char>(i * 7);
  Ad bin(argdata_create_binary(payload.data(), payload.size()));
  Ad fd(argdata_create_fd(data.fd[1]));
  const argdata_t *elements[] = {fd.get(), bin.get()};
  Ad seq(argdata_create_seq(elements, 2));

  Writer w(argdata_writer_create());
  Reader r(argdata_reader_create(2 << 20, 4));
  EXPECT_EQ(argdata_reader_pull(r.get(), sock.fd[1]), EAGAIN);  // nothing yet
  argdata_writer_set(w.get(), seq.get());
  int werr = -1, rerr = -1, rounds = 0, write_again = 0, read_again = 0;
  while ((werr != 0 || rerr != 0) && rounds < 100000) {
    ++rounds;
    if (werr != 0) {
      werr = argdata_writer_push(w.get(), sock.fd[0]);
      if (werr == EAGAIN) ++write_again;
      ASSERT_TRUE(werr == 0 || werr == EAGAIN) << werr;
    }
    if (rerr != 0) {
      rerr = argdata_reader_pull(r.get(), sock.fd[1]);
      if (rerr == EAGAIN) ++read_again;
      ASSERT_TRUE(rerr == 0 || rerr == EAGAIN) << rerr;
    }
  }
  ASSERT_EQ(werr, 0);
  ASSERT_EQ(rerr, 0);
  EXPECT_GT(write_again, 0);
  EXPECT_GT(read_again, 0);

  const argdata_t *got = argdata_reader_get(r.get());
  ASSERT_NE(got, nullptr);
  argdata_seq_iterator_t it;
  const argdata_t *e;
  argdata_seq_iterate(got, &it);
  ASSERT_TRUE(argdata_seq_get(&it, &e));
  int received = -1;
  ASSERT_EQ(argdata_get_fd(e, &received), 0);
  ASSERT_EQ(write(received, "z", 1), 1);
  char c = 0;
  ASSERT_EQ(read(data.fd[0], &c, 1), 1);
  EXPECT_EQ(c, 'z');
  argdata_seq_next(&it);
  ASSERT_TRUE(argdata_seq_get(&it, &e));
  const void *buf;
  size_t len;
  ASSERT_EQ(argdata_get_binary(e, &buf, &len), 0);
  ASSERT_EQ(len, payload.size());
  EXPECT_EQ(std::memcmp(buf, payload.data(), len), 0);

  // With nothing set, push has nothing to do.
  EXPECT_EQ(argdata_writer_push(w.get(), sock.fd[0]), 0);
}

TEST(ArgdataStream, ForwardingReceivedValue) {
  // A received value (with descriptors) embedded in a new message is
  // re-scanned and its descriptors are sent along.
  Pair first, second, data;
  SocketPair(&first);
  SocketPair(&second);
  PipePair(&data);
  Ad fd(argdata_create_fd(data.fd[1]));
  ASSERT_EQ(Send(first.fd[0], fd.get()), 0);
  Reader r1(argdata_reader_create(64, 2));
  ASSERT_EQ(argdata_reader_pull(r1.get(), first.fd[1]), 0);

  Ad tag(argdata_create_str_c("fwd"));
  const argdata_t *elements[] = {tag.get(), argdata_reader_get(r1.get())};
  Ad wrapped(argdata_create_seq(elements, 2));
  ASSERT_EQ(Send(second.fd[0], wrapped.get()), 0);

  Reader r2(argdata_reader_create(64, 2));
  ASSERT_EQ(argdata_reader_pull(r2.get(), second.fd[1]), 0);
  argdata_seq_iterator_t it;
  const argdata_t *e;
  argdata_seq_iterate(argdata_reader_get(r2.get()), &it);
  argdata_seq_next(&it);
  ASSERT_TRUE(argdata_seq_get(&it, &e));
  int received = -1;
  ASSERT_EQ(argdata_get_fd(e, &received), 0);
  ASSERT_EQ(write(received, "!", 1), 1);
  char c = 0;
  ASSERT_EQ(read(data.fd[0], &c, 1), 1);
  EXPECT_EQ(c, '!');
}

}  // namespace
}  // namespace argdata_test
