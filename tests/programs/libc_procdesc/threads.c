// pdfork from a program whose other threads are busy in malloc, free and a
// stream: the child, whose only thread is the caller, can allocate, write to
// that stream and to new ones, use a mutex the caller held while another
// thread waited for it, and create threads. Also: arc4random in the child
// differs from the parent's.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/procdesc.h>
#include <unistd.h>

#include "harness.h"

#define BUSY 4
#define FORKS 24

static atomic_bool stop;
static atomic_uint progress[BUSY];
static FILE *shared;
static char shared_buf[256];
static pthread_mutex_t shared_lock = PTHREAD_MUTEX_INITIALIZER;

// Threads 1..BUSY-1 allocate: all in one size class, whose lock is then
// often taken, and whose spans are mapped and unmapped (under that lock)
// again and again; now and then a block with a mapping of its own.
static void busy_malloc(size_t index, uint64_t x) {
  unsigned char *batch[40];
  for (size_t i = 0; i < 40; ++i) {
    size_t size = i == 0 && x % 16 == 0 ? 300000 : 4000 + x % 64;
    batch[i] = malloc(size);
    if (batch[i] == NULL) abort();
    batch[i][0] = (unsigned char)index;
    batch[i][size - 1] = (unsigned char)index;
  }
  for (size_t i = 0; i < 40; ++i) free(batch[i]);
}

// Thread 0 writes to the stream, mostly holding the stream's own lock; the
// mutex only keeps the position in the buffer for it.
static void busy_stream(void) {
  pthread_mutex_lock(&shared_lock);
  for (int i = 0; i < 8; ++i)
    if (fprintf(shared, "line %d\n", i) < 0) abort();
  if (fseek(shared, 0, SEEK_SET) != 0) abort();
  pthread_mutex_unlock(&shared_lock);
}

static void *busy(void *arg) {
  size_t index = (size_t)(uintptr_t)arg;
  uint64_t x = 0x9e3779b97f4a7c15u * (index + 1);
  while (!atomic_load(&stop)) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    if (index == 0)
      busy_stream();
    else
      busy_malloc(index, x);
    atomic_fetch_add(&progress[index], 1);
  }
  return NULL;
}

static void *return_arg(void *arg) { return arg; }

static void *volatile sink;

// What the child checks; it exits with the number of the first failure.
static int child_checks(pthread_mutex_t *held, pthread_mutex_t *contended) {
  // Allocation in every size range, and reuse.
  for (size_t size = 1; size < (1 << 22); size = size * 3 + 1) {
    char *p = malloc(size);
    if (p == NULL) return 1;
    memset(p, 0x5a, size);
    char *q = realloc(p, size * 2);
    if (q == NULL) return 2;
    free(q);
  }
  // The busy threads' size class. The blocks go through a volatile
  // pointer: otherwise the compiler may leave out malloc and free.
  for (size_t i = 0; i < 40; ++i) {
    sink = malloc(4000 + i);
    if (sink == NULL) return 20;
    free(sink);
  }
  // The busy threads' stream, whoever held its lock at the fork.
  if (fseek(shared, 0, SEEK_SET) != 0) return 3;
  if (fprintf(shared, "child %d\n", 1) <= 0) return 4;
  if (fflush(shared) != 0) return 5;
  // A new stream.
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (f == NULL) return 6;
  if (fprintf(f, "%s %d", "child", 42) != 8) return 7;
  if (fclose(f) != 0 || len != 8 || strcmp(buf, "child 42") != 0) return 8;
  free(buf);
  // Mutexes this thread held: they are this thread's in the child, and no
  // one waits for them any more.
  if (pthread_mutex_unlock(held) != 0) return 9;
  if (pthread_mutex_unlock(held) != 0) return 18;
  if (pthread_mutex_unlock(held) != EPERM) return 19;
  if (pthread_mutex_unlock(contended) != 0) return 10;
  if (pthread_mutex_trylock(contended) != 0) return 11;
  if (pthread_mutex_unlock(contended) != 0) return 12;
  if (pthread_mutex_lock(held) != 0) return 13;
  if (pthread_mutex_unlock(held) != 0) return 14;
  // A new mutex, tagged with the child's thread ID.
  pthread_mutex_t fresh = PTHREAD_MUTEX_INITIALIZER;
  if (pthread_mutex_lock(&fresh) != 0 || pthread_mutex_unlock(&fresh) != 0) return 15;
  // A new thread.
  pthread_t t;
  if (pthread_create(&t, NULL, return_arg, (void *)(uintptr_t)77) != 0) return 16;
  void *result;
  if (pthread_join(t, &result) != 0 || result != (void *)(uintptr_t)77) return 17;
  return 0;
}

static pthread_mutex_t contended = PTHREAD_MUTEX_INITIALIZER;

static void *waiter(void *arg) {
  (void)arg;
  pthread_mutex_lock(&contended);
  pthread_mutex_unlock(&contended);
  return NULL;
}

TEST(child_of_a_busy_program) {
  shared = fmemopen(shared_buf, sizeof(shared_buf), "w");
  CHECK(shared != NULL);
  pthread_t threads[BUSY];
  for (size_t i = 0; i < BUSY; ++i)
    CHECK_EQ(pthread_create(&threads[i], NULL, busy, (void *)(uintptr_t)i), 0);
  // Every thread is running its loop before the first fork.
  for (size_t i = 0; i < BUSY; ++i)
    while (atomic_load(&progress[i]) < 100) sched_yield();

  pthread_mutex_t held = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
  for (int n = 0; n < FORKS; ++n) {
    // Held twice (recursive) and once.
    CHECK_EQ(pthread_mutex_lock(&held), 0);
    CHECK_EQ(pthread_mutex_lock(&held), 0);
    CHECK_EQ(pthread_mutex_lock(&contended), 0);
    // A thread waits for `contended`: its lock word has the waiter bit.
    pthread_t w;
    CHECK_EQ(pthread_create(&w, NULL, waiter, NULL), 0);
    while ((atomic_load((_Atomic(uint32_t) *)&contended.__state) & 0x80000000u) == 0) sched_yield();

    int fd;
    int r = pdfork(&fd);
    if (r == 0) _Exit(child_checks(&held, &contended));
    CHECK_EQ(r, 1);
    CHECK_EQ(pthread_mutex_unlock(&contended), 0);
    CHECK_EQ(pthread_mutex_unlock(&held), 0);
    CHECK_EQ(pthread_mutex_unlock(&held), 0);
    CHECK_EQ(pthread_join(w, NULL), 0);
    siginfo_t info;
    CHECK_EQ(pdwait(fd, &info, 0), 0);
    CHECK_EQ(close(fd), 0);
    if (info.si_code != CLD_EXITED || info.si_status != 0) {
      harness_log("child failed at check");
      harness_log_int(info.si_status);
    }
    CHECK_EQ(info.si_code, CLD_EXITED);
    CHECK_EQ(info.si_status, 0);
  }
  atomic_store(&stop, true);
  for (size_t i = 0; i < BUSY; ++i) CHECK_EQ(pthread_join(threads[i], NULL), 0);
  CHECK_EQ(fclose(shared), 0);
}

TEST(arc4random_differs_between_parent_and_child) {
  // The state is in use (and holds buffered bytes) before the fork.
  (void)arc4random();
  unsigned char mine[32], theirs[32];
  int s[2];
  CHECK_EQ(pipe(s), 0);
  int fd;
  int r = pdfork(&fd);
  if (r == 0) {
    arc4random_buf(theirs, sizeof(theirs));
    _Exit(write(s[1], theirs, sizeof(theirs)) == (ssize_t)sizeof(theirs) ? 0 : 1);
  }
  CHECK_EQ(r, 1);
  arc4random_buf(mine, sizeof(mine));
  size_t got = 0;
  while (got < sizeof(theirs)) {
    ssize_t n = read(s[0], theirs + got, sizeof(theirs) - got);
    CHECK(n > 0);
    got += (size_t)n;
  }
  siginfo_t info;
  CHECK_EQ(pdwait(fd, &info, 0), 0);
  CHECK_EQ(info.si_status, 0);
  CHECK(memcmp(mine, theirs, sizeof(mine)) != 0);
  CHECK_EQ(close(fd), 0);
  CHECK_EQ(close(s[0]), 0);
  CHECK_EQ(close(s[1]), 0);
}
