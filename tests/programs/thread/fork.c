// proc_fork from a process whose other threads are busy in the runtime
// (mapping memory, waiting on condition variables): the child has only the
// forking thread, and the runtime state those threads may have held at the
// moment of the fork (memory registry, condvar bookkeeping, thread count) is
// usable in the child. A child that inherited a held mutex would hang here
// and the runner's timeout would report it.
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "test_threads.h"

#define PAGE 4096
#define BUSY 4
#define FORKS 20

static _Atomic int stop;

static void busy(cloudabi_tid_t tid, void *arg) {
  (void)arg;
  _Atomic(cloudabi_lock_t) lock = 0;
  _Atomic(cloudabi_condvar_t) cv = 0;
  while (!atomic_load(&stop)) {
    void *m;
    CHECK_OK(cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                  CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0,
                                  &m));
    CHECK_OK(cloudabi_sys_mem_unmap(m, PAGE));
    test_wrlock(&lock, tid, CLOUDABI_SCOPE_PRIVATE);
    int timed_out;
    CHECK_OK(test_cond_wait(&cv, &lock, CLOUDABI_SCOPE_PRIVATE, 1000, &timed_out));
    CHECK(timed_out);
    test_wrunlock(&lock, tid, CLOUDABI_SCOPE_PRIVATE);
  }
}

static void child_thread(cloudabi_tid_t tid, void *arg) {
  (void)tid;
  (void)arg;
  CHECK_OK(cloudabi_sys_thread_yield());
}

// What the child does with its single thread.
static void child(cloudabi_tid_t tid) {
  void *m;
  CHECK_OK(cloudabi_sys_mem_map(NULL, PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0,
                                &m));
  CHECK_OK(cloudabi_sys_mem_protect(m, PAGE, CLOUDABI_PROT_READ));
  CHECK_OK(cloudabi_sys_mem_unmap(m, PAGE));
  _Atomic(cloudabi_lock_t) lock = tid | CLOUDABI_LOCK_WRLOCKED;
  _Atomic(cloudabi_condvar_t) cv = 0;
  int timed_out;
  CHECK_OK(test_cond_wait(&cv, &lock, CLOUDABI_SCOPE_PRIVATE, 1000, &timed_out));
  CHECK(timed_out);
  struct test_thread t;
  CHECK_OK(test_thread_start(&t, child_thread, NULL));
  test_thread_join(&t);
}

TEST(fork_while_other_threads_use_the_runtime) {
  struct test_thread t[BUSY];
  for (int i = 0; i < BUSY; ++i) CHECK_OK(test_thread_start(&t[i], busy, NULL));
  for (int i = 0; i < FORKS; ++i) {
    cloudabi_fd_t proc;
    cloudabi_tid_t tid;
    cloudabi_errno_t e = cloudabi_sys_proc_fork(&proc, &tid);
    if (e == CLOUDABI_ENOSYS) {
      harness_log("SKIP: proc_fork is not implemented yet\n");
      break;
    }
    CHECK_OK(e);
    if (proc == CLOUDABI_PROCESS_CHILD) {
      child(tid);
      cloudabi_sys_proc_exit(0);
    }
    cloudabi_subscription_t s;
    memset(&s, 0, sizeof(s));
    s.type = CLOUDABI_EVENTTYPE_PROC_TERMINATE;
    s.proc_terminate.fd = proc;
    cloudabi_event_t ev;
    size_t n;
    CHECK_OK(cloudabi_sys_poll(&s, &ev, 1, &n));
    CHECK_EQ(ev.error, 0);
    CHECK_EQ(ev.proc_terminate.signal, 0);
    CHECK_EQ(ev.proc_terminate.exitcode, 0);
    CHECK_OK(cloudabi_sys_fd_close(proc));
  }
  atomic_store(&stop, 1);
  for (int i = 0; i < BUSY; ++i) test_thread_join(&t[i]);
}

// In a child, the forking thread is the only one: when it ends with
// thread_exit, the child ends with exit status 0.
TEST(child_ends_when_its_only_thread_exits) {
  cloudabi_fd_t proc;
  cloudabi_tid_t tid;
  cloudabi_errno_t e = cloudabi_sys_proc_fork(&proc, &tid);
  if (e == CLOUDABI_ENOSYS) {
    harness_log("SKIP: proc_fork is not implemented yet\n");
    return;
  }
  CHECK_OK(e);
  if (proc == CLOUDABI_PROCESS_CHILD) {
    static _Atomic(cloudabi_lock_t) dummy;
    atomic_store(&dummy, tid | CLOUDABI_LOCK_WRLOCKED);
    cloudabi_sys_thread_exit(&dummy, CLOUDABI_SCOPE_PRIVATE);
  }
  cloudabi_subscription_t s;
  memset(&s, 0, sizeof(s));
  s.type = CLOUDABI_EVENTTYPE_PROC_TERMINATE;
  s.proc_terminate.fd = proc;
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(&s, &ev, 1, &n));
  CHECK_EQ(ev.error, 0);
  CHECK_EQ(ev.proc_terminate.signal, 0);
  CHECK_EQ(ev.proc_terminate.exitcode, 0);
  CHECK_OK(cloudabi_sys_fd_close(proc));
}
