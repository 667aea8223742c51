// Process-shared (SCOPE_SHARED) locks and condition variables where the
// waiting state cannot live in one process's bookkeeping: the same memory
// mapped twice at different addresses (fd_create1 shared memory), and two
// processes (proc_fork) sharing anonymous MAP_SHARED memory.
//
// Cases that need calls other parts of the runtime provide log "SKIP" while
// those answer ENOSYS.
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "test_threads.h"

#define PAGE 4096
#define SHARED CLOUDABI_SCOPE_SHARED

struct region {
  _Atomic(cloudabi_lock_t) lock;
  _Atomic(cloudabi_condvar_t) cv;
  uint64_t counter;
  int turn;
  int rounds;
};

// --- one memory object, two mappings

static struct region *views[2];

#define ITERATIONS 3000

static void count_through_view(cloudabi_tid_t tid, void *arg) {
  struct region *r = views[(intptr_t)arg % 2];
  for (int i = 0; i < ITERATIONS; ++i) {
    test_wrlock(&r->lock, tid, SHARED);
    uint64_t c = r->counter;
    if (i % 64 == 0) CHECK_OK(cloudabi_sys_thread_yield());
    r->counter = c + 1;
    test_wrunlock(&r->lock, tid, SHARED);
  }
}

// Ping-pong: thread `me` waits for its turn through its own view.
static void ping_pong(cloudabi_tid_t tid, void *arg) {
  int me = (int)(intptr_t)arg;
  struct region *r = views[me];
  for (int i = 0; i < 200; ++i) {
    test_wrlock(&r->lock, tid, SHARED);
    while (r->turn != me) CHECK_OK(test_cond_wait(&r->cv, &r->lock, SHARED, 0, NULL));
    r->turn = 1 - me;
    ++r->rounds;
    test_cond_signal(&r->cv, SHARED, 1);
    test_wrunlock(&r->lock, tid, SHARED);
  }
}

TEST(two_mappings_of_one_memory_object) {
  cloudabi_fd_t fd;
  cloudabi_errno_t e = cloudabi_sys_fd_create1(CLOUDABI_FILETYPE_SHARED_MEMORY, &fd);
  if (e == CLOUDABI_ENOSYS) {
    harness_log("SKIP: fd_create1 is not implemented yet\n");
    return;
  }
  CHECK_OK(e);
  cloudabi_filestat_t st = {.st_size = PAGE};
  e = cloudabi_sys_file_stat_fput(fd, &st, CLOUDABI_FILESTAT_SIZE);
  if (e == CLOUDABI_ENOSYS) {
    harness_log("SKIP: file_stat_fput is not implemented yet\n");
    CHECK_OK(cloudabi_sys_fd_close(fd));
    return;
  }
  CHECK_OK(e);
  void *m[2];
  for (int i = 0; i < 2; ++i)
    CHECK_OK(cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                  CLOUDABI_MAP_SHARED, fd, 0, &m[i]));
  CHECK(m[0] != m[1]);
  views[0] = m[0];
  views[1] = m[1];

  // Eight threads, half of them through each view, on one lock word.
  struct test_thread t[8];
  for (int i = 0; i < 8; ++i)
    CHECK_OK(test_thread_start(&t[i], count_through_view, (void *)(intptr_t)i));
  for (int i = 0; i < 8; ++i) test_thread_join(&t[i]);
  CHECK_EQ(views[0]->counter, 8 * ITERATIONS);
  CHECK_EQ(atomic_load(&views[1]->lock), 0);

  // A condition variable waited on through one view, signalled through the
  // other.
  views[0]->turn = 0;
  views[0]->rounds = 0;
  for (int i = 0; i < 2; ++i) CHECK_OK(test_thread_start(&t[i], ping_pong, (void *)(intptr_t)i));
  for (int i = 0; i < 2; ++i) test_thread_join(&t[i]);
  CHECK_EQ(views[1]->rounds, 400);
  CHECK_EQ(atomic_load(&views[0]->cv), 0);

  CHECK_OK(cloudabi_sys_mem_unmap(m[0], PAGE));
  CHECK_OK(cloudabi_sys_mem_unmap(m[1], PAGE));
  CHECK_OK(cloudabi_sys_fd_close(fd));
}

// --- two processes

static void expect_exit(cloudabi_fd_t proc, cloudabi_exitcode_t code) {
  cloudabi_subscription_t s;
  memset(&s, 0, sizeof(s));
  s.type = CLOUDABI_EVENTTYPE_PROC_TERMINATE;
  s.proc_terminate.fd = proc;
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(&s, &ev, 1, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.proc_terminate.signal, 0);
  CHECK_EQ(ev.proc_terminate.exitcode, code);
}

static void count_and_pong(struct region *r, cloudabi_tid_t tid, int me) {
  for (int i = 0; i < ITERATIONS; ++i) {
    test_wrlock(&r->lock, tid, SHARED);
    uint64_t c = r->counter;
    if (i % 64 == 0) CHECK_OK(cloudabi_sys_thread_yield());
    r->counter = c + 1;
    test_wrunlock(&r->lock, tid, SHARED);
  }
  for (int i = 0; i < 200; ++i) {
    test_wrlock(&r->lock, tid, SHARED);
    while (r->turn != me) CHECK_OK(test_cond_wait(&r->cv, &r->lock, SHARED, 0, NULL));
    r->turn = 1 - me;
    ++r->rounds;
    test_cond_signal(&r->cv, SHARED, 1);
    test_wrunlock(&r->lock, tid, SHARED);
  }
}

TEST(across_proc_fork) {
  void *mem;
  CHECK_OK(cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                CLOUDABI_MAP_ANON | CLOUDABI_MAP_SHARED, CLOUDABI_MAP_ANON_FD, 0,
                                &mem));
  struct region *r = mem;
  cloudabi_tid_t self = test_self_tid();
  cloudabi_fd_t proc;
  cloudabi_tid_t child_tid;
  cloudabi_errno_t e = cloudabi_sys_proc_fork(&proc, &child_tid);
  if (e == CLOUDABI_ENOSYS) {
    harness_log("SKIP: proc_fork is not implemented yet\n");
    return;
  }
  CHECK_OK(e);
  if (proc == CLOUDABI_PROCESS_CHILD) {
    CHECK(child_tid != self);
    count_and_pong(r, child_tid, 1);
    cloudabi_sys_proc_exit(0);
  }
  count_and_pong(r, self, 0);
  expect_exit(proc, 0);
  CHECK_OK(cloudabi_sys_fd_close(proc));
  CHECK_EQ(r->counter, 2 * ITERATIONS);
  CHECK_EQ(r->rounds, 400);
  CHECK_EQ(atomic_load(&r->lock), 0);
  CHECK_EQ(atomic_load(&r->cv), 0);
  CHECK_OK(cloudabi_sys_mem_unmap(mem, PAGE));
}

// A private-scope lock is per process: after proc_fork each process has its
// own copy, and the child's thread has a thread ID of its own.
TEST(private_lock_is_copied_by_fork) {
  static _Atomic(cloudabi_lock_t) l;
  cloudabi_tid_t self = test_self_tid();
  atomic_store(&l, self | CLOUDABI_LOCK_WRLOCKED);
  cloudabi_fd_t proc;
  cloudabi_tid_t child_tid;
  cloudabi_errno_t e = cloudabi_sys_proc_fork(&proc, &child_tid);
  if (e == CLOUDABI_ENOSYS) {
    harness_log("SKIP: proc_fork is not implemented yet\n");
    return;
  }
  CHECK_OK(e);
  if (proc == CLOUDABI_PROCESS_CHILD) {
    // The copy is held by the parent's thread ID, which is not ours.
    CHECK_ERRNO(cloudabi_sys_lock_unlock(&l, CLOUDABI_SCOPE_PRIVATE), CLOUDABI_EPERM);
    atomic_store(&l, 0);
    test_wrlock(&l, child_tid, CLOUDABI_SCOPE_PRIVATE);
    CHECK_EQ(test_self_tid(), child_tid);
    cloudabi_sys_proc_exit(0);
  }
  expect_exit(proc, 0);
  CHECK_OK(cloudabi_sys_fd_close(proc));
  CHECK_EQ(atomic_load(&l), self | CLOUDABI_LOCK_WRLOCKED);
  CHECK_OK(cloudabi_sys_lock_unlock(&l, CLOUDABI_SCOPE_PRIVATE));
}
