// pthread_atfork: prepare handlers run newest first, parent and child
// handlers oldest first; a NULL handler is skipped; handlers registered by a
// handler during a fork run from the next fork on.
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/procdesc.h>
#include <unistd.h>

#include "harness.h"

static char trace[64];
static size_t len;

static void note(char c) {
  if (len + 1 < sizeof(trace)) trace[len++] = c;
  trace[len] = '\0';
}

static void prepare_a(void) { note('a'); }
static void prepare_b(void) { note('b'); }
static void prepare_c(void) { note('c'); }
static void parent_a(void) { note('A'); }
static void parent_c(void) { note('C'); }
static void child_a(void) { note('1'); }
static void child_b(void) { note('2'); }
static void child_c(void) { note('3'); }

static void late(void) { note('L'); }
static bool registered_late;
static void prepare_registers(void) {
  note('r');
  if (!registered_late) {
    registered_late = true;
    CHECK_EQ(pthread_atfork(late, late, late), 0);
  }
}

// Forks; the child sends its trace over a socket and exits. Returns the
// child's trace in `child`.
static void fork_and_collect(char *child, size_t size) {
  int s[2];
  CHECK_EQ(pipe(s), 0);
  len = 0;
  trace[0] = '\0';
  int fd;
  int r = pdfork(&fd);
  if (r == 0) {
    size_t n = strlen(trace) + 1;
    _Exit(write(s[1], trace, n) == (ssize_t)n ? 0 : 1);
  }
  CHECK_EQ(r, 1);
  CHECK_EQ(close(s[1]), 0);
  memset(child, 0, size);
  size_t got = 0;
  for (;;) {
    ssize_t n = read(s[0], child + got, size - 1 - got);
    CHECK(n >= 0);
    if (n <= 0) break;
    got += (size_t)n;
  }
  CHECK_EQ(close(s[0]), 0);
  siginfo_t info;
  CHECK_EQ(pdwait(fd, &info, 0), 0);
  CHECK_EQ(info.si_code, CLD_EXITED);
  CHECK_EQ(info.si_status, 0);
  CHECK_EQ(close(fd), 0);
}

TEST(handler_order) {
  char child[64];
  // No handlers yet.
  fork_and_collect(child, sizeof(child));
  CHECK(strcmp(trace, "") == 0);
  CHECK(strcmp(child, "") == 0);

  CHECK_EQ(pthread_atfork(prepare_a, parent_a, child_a), 0);
  CHECK_EQ(pthread_atfork(prepare_b, NULL, child_b), 0);
  CHECK_EQ(pthread_atfork(prepare_c, parent_c, child_c), 0);
  CHECK_EQ(pthread_atfork(NULL, NULL, NULL), 0);
  fork_and_collect(child, sizeof(child));
  harness_log(trace);
  harness_log(child);
  CHECK(strcmp(trace, "cbaAC") == 0);
  CHECK(strcmp(child, "cba123") == 0);

  // Registered during the prepare phase: not part of that fork.
  CHECK_EQ(pthread_atfork(prepare_registers, NULL, NULL), 0);
  fork_and_collect(child, sizeof(child));
  CHECK(strcmp(trace, "rcbaAC") == 0);
  CHECK(strcmp(child, "rcba123") == 0);
  fork_and_collect(child, sizeof(child));
  CHECK(strcmp(trace, "LrcbaACL") == 0);
  CHECK(strcmp(child, "Lrcba123L") == 0);
}
