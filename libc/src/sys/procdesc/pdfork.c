// A copy of the process that runs only the calling thread. Before the copy,
// libc takes the locks of its own shared state (the allocator, the lists of
// streams and of ended threads) so that no other thread is in the middle of
// changing it; the child then makes the rest consistent for a process whose
// only thread has a new thread ID.
#include <errno.h>
#include <sys/procdesc.h>

#include "pthread_impl.h"

extern _Atomic(size_t) __pthread_count;  // pthread_create.c

// Weak: a program that never uses streams or arc4random does not get them
// for pdfork's sake.
void __stdio_fork_prepare(void) __attribute__((weak));
void __stdio_fork_parent(void) __attribute__((weak));
void __stdio_fork_child(void) __attribute__((weak));
void __arc4random_fork_child(void) __attribute__((weak));
void __malloc_fork_prepare(void);
void __malloc_fork_done(void);

static void prepare(void) {
  __pthread_atfork_prepare();
  if (__stdio_fork_prepare != NULL) __stdio_fork_prepare();
  __pthread_zombies_fork_prepare();
  // Last: the steps above may allocate.
  __malloc_fork_prepare();
}

static void parent(void) {
  __malloc_fork_done();
  __pthread_zombies_fork_parent();
  if (__stdio_fork_parent != NULL) __stdio_fork_parent();
  __pthread_atfork_parent();
}

static void child(cloudabi_tid_t tid) {
  __pthread_thread_id = tid;
  // Lock words name their holder: the locks this thread holds become the
  // new thread's. Threads that waited for them are not in this process.
  struct __pthread_wrlocks *w = &__pthread_wrlocks;
  for (unsigned int i = 0; i < w->count; ++i)
    atomic_store_explicit(lock_word(w->locks[i]), tid | CLOUDABI_LOCK_WRLOCKED,
                          memory_order_relaxed);
  atomic_store(&__pthread_count, 1);
  // The join lock is held by the thread while it runs (the initial thread's
  // is claimed here if it was not yet).
  struct __pthread *self = __pthread_self();
  atomic_store(&self->join, tid | CLOUDABI_LOCK_WRLOCKED);
  __malloc_fork_done();
  __pthread_zombies_fork_child();
  if (__stdio_fork_child != NULL) __stdio_fork_child();
  // The child must not hand out the bytes the parent will.
  if (__arc4random_fork_child != NULL) __arc4random_fork_child();
  __pthread_atfork_child();
}

int pdfork(int *fdp, ...) {
  if (fdp == NULL) {
    errno = EFAULT;
    return -1;
  }
  // The child could not take over locks that are not on the list.
  if (__pthread_wrlocks.untracked > 0) {
    errno = ENOMEM;
    return -1;
  }
  prepare();
  cloudabi_fd_t fd;
  cloudabi_tid_t tid;
  cloudabi_errno_t error = cloudabi_sys_proc_fork(&fd, &tid);
  if (error != 0) {
    parent();
    errno = error;
    return -1;
  }
  if (fd == CLOUDABI_PROCESS_CHILD) {
    child(tid);
    return 0;
  }
  parent();
  *fdp = (int)fd;
  return 1;
}
