// Thread creation. Each thread gets one anonymous mapping holding its
// struct __pthread, its TLS area, its unsafe stack and its stack, with guard
// pages below both stacks (layout: pthread_impl.h).
#include <errno.h>
#include <stdalign.h>

#include "libc_start.h"
#include "pthread_impl.h"

// Threads that have not ended in pthread_exit, including the initial one.
_Atomic(size_t) __pthread_count = 1;

extern _Thread_local struct __pthread *__pthread_self_object;
extern _Thread_local void *__safestack_unsafe_stack_ptr;

static size_t tls_area_size(void) {
  size_t align =
      __pt_tls.align > alignof(cloudabi_tcb_t) ? __pt_tls.align : alignof(cloudabi_tcb_t);
  return __pt_tls.memsz + sizeof(cloudabi_tcb_t) + align;
}

// The new thread starts here with nothing but a TCB at the top of its stack:
// no TLS and no unsafe stack yet. So this function is not instrumented by
// SafeStack and touches no thread-local variable and calls nothing before it
// has installed its own TLS area, like crt0 does for the initial thread.
__attribute__((no_sanitize("safe-stack"), noreturn)) static void thread_entry(cloudabi_tid_t tid,
                                                                              void *arg) {
  struct __pthread *t = arg;
  // The creator may only learn the ID after this thread has ended, so both
  // claim the join lock for it; whoever is first wins.
  cloudabi_lock_t expected = CLOUDABI_LOCK_BOGUS;
  atomic_compare_exchange_strong(&t->join, &expected, tid | CLOUDABI_LOCK_WRLOCKED);

  size_t align =
      __pt_tls.align > alignof(cloudabi_tcb_t) ? __pt_tls.align : alignof(cloudabi_tcb_t);
  uintptr_t tcb = ((uintptr_t)t->tls + __pt_tls.memsz + align - 1) / align * align;
  // Volatile: the compiler must not turn these loops into memcpy calls.
  volatile char *block = (volatile char *)(tcb - __pt_tls.memsz);
  const char *image = __pt_tls.image;
  for (size_t i = 0; i < __pt_tls.filesz; ++i) block[i] = image[i];
  for (size_t i = __pt_tls.filesz; i < __pt_tls.memsz; ++i) block[i] = 0;
  __libc_tls_replace((cloudabi_tcb_t *)tcb);

  __safestack_unsafe_stack_ptr = t->unsafe_stack_top;
  __pthread_thread_id = tid;
  __pthread_self_object = t;
  pthread_exit(t->start(t->arg));
}

static size_t round_up(size_t n, size_t to) { return (n + to - 1) / to * to; }

int pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
                   void *(*start)(void *), void *restrict arg) {
  __pthread_reclaim();
  size_t page = __at_pagesz > 4096 ? __at_pagesz : 4096;
  size_t stacksize = round_up(attr != NULL ? attr->__stacksize : PTHREAD_STACK_DEFAULT, page);
  size_t header = round_up(sizeof(struct __pthread) + tls_area_size(), page);
  size_t len = header + 2 * (page + stacksize);
  void *map;
  if (cloudabi_sys_mem_map(NULL, len, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                           CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0,
                           &map) != 0)
    return EAGAIN;
  char *base = map;
  char *unsafe_stack = base + header + page;
  char *stack = unsafe_stack + stacksize + page;
  // Guard pages; a system that cannot make them only loses the protection.
  cloudabi_sys_mem_protect(base + header, page, 0);
  cloudabi_sys_mem_protect(stack - page, page, 0);

  struct __pthread *t = map;
  atomic_init(&t->join, CLOUDABI_LOCK_BOGUS);
  bool detached = attr != NULL && attr->__detachstate == PTHREAD_CREATE_DETACHED;
  atomic_init(&t->detach, detached ? THREAD_DETACHED : THREAD_JOINABLE);
  atomic_init(&t->started, false);
  t->start = start;
  t->arg = arg;
  t->result = NULL;
  t->map = map;
  t->map_len = len;
  t->unsafe_stack_top = unsafe_stack + stacksize;
  t->tls = (char *)(t + 1);
  t->next_zombie = NULL;

  cloudabi_threadattr_t ta = {
      .entry_point = thread_entry,
      .stack = stack,
      .stack_len = stacksize,
      .argument = t,
  };
  atomic_fetch_add(&__pthread_count, 1);
  cloudabi_tid_t tid;
  cloudabi_errno_t error = cloudabi_sys_thread_create(&ta, &tid);
  if (error != 0) {
    atomic_fetch_sub(&__pthread_count, 1);
    cloudabi_sys_mem_unmap(map, len);
    return error == ENOMEM ? EAGAIN : error;
  }
  if (!detached) {
    cloudabi_lock_t expected = CLOUDABI_LOCK_BOGUS;
    atomic_compare_exchange_strong(&t->join, &expected, tid | CLOUDABI_LOCK_WRLOCKED);
  }
  *thread = t;
  // From here on a detached thread may end and be freed at any time.
  atomic_store(&t->started, true);
  return 0;
}
