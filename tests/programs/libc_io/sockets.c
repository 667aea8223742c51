// Unit tests of sys/socket.h, poll.h, sys/select.h and pipe().
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../libc_support/libc_check.h"

TEST(socketpair_send_recv) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  CHECK_EQ(send(sv[0], "ping", 4, 0), 4);
  char buf[8];
  CHECK_EQ(recv(sv[1], buf, sizeof(buf), MSG_PEEK), 4);
  CHECK_EQ(recv(sv[1], buf, sizeof(buf), 0), 4);
  CHECK_EQ(memcmp(buf, "ping", 4), 0);
  int type;
  socklen_t len = sizeof(type);
  CHECK_EQ(getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &type, &len), 0);
  CHECK_EQ(type, SOCK_STREAM);
  errno = 0;
  CHECK_EQ(getsockopt(sv[0], SOL_SOCKET, 99, &type, &len), -1);
  CHECK_EQ(errno, ENOPROTOOPT);
  CHECK_EQ(shutdown(sv[0], SHUT_WR), 0);
  CHECK_EQ(recv(sv[1], buf, sizeof(buf), 0), 0);
  close(sv[0]);
  close(sv[1]);
  CHECK_EQ(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
  CHECK_EQ(send(sv[1], "a message", 9, 0), 9);
  struct iovec iov = {buf, 4};
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
  CHECK_EQ(recvmsg(sv[0], &msg, 0), 4);
  CHECK(msg.msg_flags & MSG_TRUNC);
  close(sv[0]);
  close(sv[1]);
  errno = 0;
  CHECK_EQ(socketpair(AF_INET, SOCK_STREAM, 0, sv), -1);
  CHECK_EQ(errno, EAFNOSUPPORT);
}

TEST(passing_descriptors) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  int file = openat(harness_tmp_fd, "passed", O_RDWR | O_CREAT);
  CHECK(file >= 0);
  CHECK_EQ(write(file, "content", 7), 7);
  union {
    struct cmsghdr hdr;
    char buf[CMSG_SPACE(2 * sizeof(int))];
  } control;
  memset(&control, 0, sizeof(control));
  struct iovec iov = {"x", 1};
  struct msghdr msg = {
      .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &control, .msg_controllen = sizeof(control)};
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(2 * sizeof(int));
  int fds[2] = {file, harness_tmp_fd};
  memcpy(CMSG_DATA(c), fds, sizeof(fds));
  CHECK_EQ(sendmsg(sv[0], &msg, 0), 1);

  char data;
  union {
    struct cmsghdr hdr;
    char buf[CMSG_SPACE(4 * sizeof(int))];
  } received;
  struct iovec riov = {&data, 1};
  struct msghdr rmsg = {.msg_iov = &riov,
                        .msg_iovlen = 1,
                        .msg_control = &received,
                        .msg_controllen = sizeof(received)};
  CHECK_EQ(recvmsg(sv[1], &rmsg, 0), 1);
  CHECK_EQ(data, 'x');
  c = CMSG_FIRSTHDR(&rmsg);
  CHECK(c != NULL);
  CHECK_EQ(c->cmsg_type, SCM_RIGHTS);
  CHECK_EQ(c->cmsg_len, CMSG_LEN(2 * sizeof(int)));
  CHECK(CMSG_NXTHDR(&rmsg, c) == NULL);
  int got[2];
  memcpy(got, CMSG_DATA(c), sizeof(got));
  char buf[8] = {0};
  CHECK_EQ(pread(got[0], buf, 7, 0), 7);
  CHECK_STREQ(buf, "content");
  struct stat st;
  CHECK_EQ(fstatat(got[1], "passed", &st, 0), 0);
  close(got[0]);
  close(got[1]);
  close(file);
  close(sv[0]);
  close(sv[1]);
}

TEST(poll_and_select) {
  int p[2];
  CHECK_EQ(pipe(p), 0);
  struct pollfd pfd[2] = {{.fd = p[0], .events = POLLIN}, {.fd = p[1], .events = POLLOUT}};
  CHECK_EQ(poll(pfd, 2, 0), 1);
  CHECK_EQ(pfd[0].revents, 0);
  CHECK(pfd[1].revents & POLLOUT);
  CHECK_EQ(poll(pfd, 1, 10), 0);  // times out
  CHECK_EQ(write(p[1], "z", 1), 1);
  CHECK_EQ(poll(pfd, 1, -1), 1);
  CHECK(pfd[0].revents & POLLIN);
  // pipe() gives a bidirectional pair.
  CHECK_EQ(write(p[0], "back", 4), 4);
  fd_set r, w;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_SET(p[1], &r);
  FD_SET(p[0], &r);
  struct timeval tv = {0, 0};
  CHECK_EQ(select(p[0] > p[1] ? p[0] + 1 : p[1] + 1, &r, &w, NULL, &tv), 2);
  CHECK(FD_ISSET(p[0], &r) && FD_ISSET(p[1], &r));
  struct pollfd bad = {.fd = 99999, .events = POLLIN};
  CHECK_EQ(poll(&bad, 1, 0), 1);
  CHECK(bad.revents & POLLNVAL);
  struct pollfd ignored = {.fd = -1, .events = POLLIN};
  CHECK_EQ(poll(&ignored, 1, 0), 0);
  close(p[0]);
  CHECK_EQ(poll(pfd + 1, 1, 100), 1);
  close(p[1]);
}
