// pdfork and pdwait: exit statuses and signals reach the parent, WNOHANG on a
// running child, and the errors of both.
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/procdesc.h>
#include <unistd.h>

#include "harness.h"

// Waits for the child behind fd and closes fd.
static siginfo_t wait_for(int fd) {
  siginfo_t info;
  memset(&info, 0xa5, sizeof(info));
  CHECK_EQ(pdwait(fd, &info, 0), 0);
  CHECK_EQ(close(fd), 0);
  return info;
}

TEST(exit_status_reaches_the_parent) {
  static const int codes[] = {0, 1, 42, 255};
  for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); ++i) {
    int fd = -1;
    int r = pdfork(&fd);
    if (r == 0) _Exit(codes[i]);
    CHECK_EQ(r, 1);
    CHECK(fd >= 0);
    siginfo_t info = wait_for(fd);
    CHECK_EQ(info.si_signo, SIGCHLD);
    CHECK_EQ(info.si_code, CLD_EXITED);
    CHECK_EQ(info.si_status, codes[i]);
  }
}

TEST(exit_runs_in_the_child) {
  int fd;
  int r = pdfork(&fd);
  if (r == 0) exit(9);
  CHECK_EQ(r, 1);
  siginfo_t info = wait_for(fd);
  CHECK_EQ(info.si_code, CLD_EXITED);
  CHECK_EQ(info.si_status, 9);
}

TEST(abort_kills_the_child) {
  int fd;
  int r = pdfork(&fd);
  if (r == 0) abort();
  CHECK_EQ(r, 1);
  siginfo_t info = wait_for(fd);
  CHECK_EQ(info.si_signo, SIGCHLD);
  CHECK_EQ(info.si_code, CLD_KILLED);
  CHECK_EQ(info.si_status, SIGABRT);
}

TEST(raise_kills_the_child) {
  int fd;
  int r = pdfork(&fd);
  if (r == 0) {
    raise(SIGTERM);
    _Exit(99);  // not reached
  }
  siginfo_t info = wait_for(fd);
  CHECK_EQ(info.si_code, CLD_KILLED);
  CHECK_EQ(info.si_status, SIGTERM);
}

TEST(wnohang_on_a_running_child) {
  int s[2];
  CHECK_EQ(pipe(s), 0);
  int fd;
  int r = pdfork(&fd);
  if (r == 0) {
    // Runs until the parent writes.
    char c;
    _Exit(read(s[1], &c, 1) == 1 ? c : 100);
  }
  siginfo_t info;
  memset(&info, 0xa5, sizeof(info));
  CHECK_EQ(pdwait(fd, &info, WNOHANG), 0);
  CHECK_EQ(info.si_signo, 0);
  CHECK_EQ(info.si_code, 0);
  CHECK_EQ(info.si_status, 0);
  CHECK_EQ(write(s[0], "\x11", 1), 1);
  // Blocking wait, then WNOHANG on the ended child reports it as well.
  CHECK_EQ(pdwait(fd, &info, 0), 0);
  CHECK_EQ(info.si_code, CLD_EXITED);
  CHECK_EQ(info.si_status, 0x11);
  memset(&info, 0, sizeof(info));
  CHECK_EQ(pdwait(fd, &info, WNOHANG), 0);
  CHECK_EQ(info.si_signo, SIGCHLD);
  CHECK_EQ(info.si_code, CLD_EXITED);
  CHECK_EQ(info.si_status, 0x11);
  CHECK_EQ(close(fd), 0);
  CHECK_EQ(close(s[0]), 0);
  CHECK_EQ(close(s[1]), 0);
}

TEST(bad_options_are_einval) {
  int fd;
  int r = pdfork(&fd);
  if (r == 0) _Exit(0);
  siginfo_t info = {.si_signo = 7};
  // pdwait returns the error; errno is not touched.
  errno = 0;
  CHECK_EQ(pdwait(fd, &info, 2), EINVAL);
  CHECK_EQ(pdwait(fd, &info, WNOHANG | 4), EINVAL);
  CHECK_EQ(pdwait(fd, &info, -1), EINVAL);
  CHECK_EQ(errno, 0);
  CHECK_EQ(info.si_signo, 7);
  info = wait_for(fd);
  CHECK_EQ(info.si_status, 0);
}

TEST(bad_descriptors) {
  siginfo_t info = {.si_signo = 7};
  int s[2];
  CHECK_EQ(pipe(s), 0);
  CHECK_EQ(close(s[1]), 0);
  // Closed, never opened, and not a process.
  CHECK_EQ(pdwait(s[1], &info, 0), EBADF);
  CHECK_EQ(pdwait(-1, &info, WNOHANG), EBADF);
  CHECK_EQ(pdwait(s[0], &info, 0), ENOTCAPABLE);
  CHECK_EQ(info.si_signo, 7);
  CHECK_EQ(close(s[0]), 0);
}

TEST(pdfork_without_a_place_for_the_descriptor) {
  errno = 0;
  CHECK_EQ(pdfork(NULL), -1);
  CHECK_EQ(errno, EFAULT);
}

TEST(extra_arguments_are_ignored) {
  int fd;
  int r = pdfork(&fd, 0);
  if (r == 0) _Exit(3);
  CHECK_EQ(r, 1);
  siginfo_t info = wait_for(fd);
  CHECK_EQ(info.si_status, 3);
}
