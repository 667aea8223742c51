// Streams over descriptors that accept only part of a write: a non-blocking
// socket whose buffer fills up returns short counts and then EAGAIN. No byte
// may be lost or written twice, and the error must be reported; once the
// reader has caught up, flushing again sends the rest.
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../libc_support/libc_check.h"

// Reads whatever is available without blocking.
static size_t drain(int fd, unsigned char *out, size_t room) {
  size_t total = 0;
  for (;;) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    if (poll(&p, 1, 0) != 1 || total == room) return total;
    ssize_t n = read(fd, out + total, room - total);
    if (n <= 0) return total;
    total += (size_t)n;
  }
}

TEST(short_writes_lose_nothing) {
  enum { LEN = 4 << 20 };
  unsigned char *data = malloc(LEN), *got = malloc(LEN);
  CHECK(data != NULL && got != NULL);
  for (size_t i = 0; i < LEN; ++i) data[i] = (unsigned char)(i * 131 + (i >> 9));
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  CHECK_EQ(fcntl(sv[0], F_SETFL, O_NONBLOCK), 0);
  FILE *f = fdopen(sv[0], "w");
  CHECK(f != NULL);

  size_t accepted = 0, received = 0;
  int errors = 0;
  while (accepted < LEN) {
    // Odd-sized pieces.
    size_t piece = 70001;
    if (piece > LEN - accepted) piece = LEN - accepted;
    size_t n = fwrite(data + accepted, 1, piece, f);
    accepted += n;
    if (n < piece) {
      CHECK(ferror(f));
      CHECK_EQ(errno, EAGAIN);
      ++errors;
      clearerr(f);
      // Only now does the reader catch up.
      received += drain(sv[1], got + received, LEN - received);
    }
  }
  // Everything accepted reaches the reader once the buffer can be flushed.
  while (fflush(f) != 0) {
    CHECK_EQ(errno, EAGAIN);
    clearerr(f);
    received += drain(sv[1], got + received, LEN - received);
  }
  received += drain(sv[1], got + received, LEN - received);
  CHECK(errors > 0);  // the socket buffer did fill up
  CHECK_EQ(received, LEN);
  CHECK_EQ(memcmp(got, data, LEN), 0);
  CHECK_EQ(fclose(f), 0);
  close(sv[1]);
  free(data);
  free(got);
}

TEST(write_to_closed_peer_reports_epipe) {
  int sv[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  close(sv[1]);
  FILE *f = fdopen(sv[0], "w");
  CHECK_EQ(fputs("lost cause", f), 0);  // buffered
  errno = 0;
  CHECK_EQ(fflush(f), EOF);
  CHECK_EQ(errno, EPIPE);
  CHECK(ferror(f));
  // The data stays buffered; closing reports the error again.
  CHECK_EQ(fclose(f), EOF);
}

TEST(unwritable_descriptor) {
  int fd = openat(harness_tmp_fd, "ro", O_RDONLY | O_CREAT);
  CHECK(fd >= 0);
  FILE *f = fdopen(fd, "w");  // the mode does not match the rights
  CHECK(f != NULL);
  CHECK_EQ(fputc('x', f), 'x');
  errno = 0;
  CHECK_EQ(fflush(f), EOF);
  CHECK(errno == ENOTCAPABLE || errno == EBADF);
  fclose(f);
}
