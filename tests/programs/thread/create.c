// thread_create, thread_exit and thread_yield: the new thread's registers,
// stack and TCB, the thread ID, the join lock, and the error paths.
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "test_threads.h"

// --- what a new thread starts with, recorded by an assembly entry point
// that runs before any compiled code could disturb the registers.
uint64_t raw_rsp, raw_tp, raw_tid, raw_arg, raw_ret;
_Atomic(cloudabi_lock_t) raw_join;
void raw_entry(cloudabi_tid_t tid, void *arg);
__asm__(
    "  .text\n"
    "  .globl raw_entry\n"
    "  .type raw_entry, @function\n"
    "raw_entry:\n"
    "  movq %rsp, raw_rsp(%rip)\n"
    "  movq %fs:0, %rax\n"
    "  movq %rax, raw_tp(%rip)\n"
    "  movq %rdi, raw_tid(%rip)\n"
    "  movq %rsi, raw_arg(%rip)\n"
    "  movq (%rsp), %rax\n"
    "  movq %rax, raw_ret(%rip)\n"
    // Claim the join lock (LOCK_BOGUS -> tid|WRLOCKED), then end.
    "  movl %edi, %ecx\n"
    "  orl $0x40000000, %ecx\n"
    "  movl $0x80000000, %eax\n"
    "  lock cmpxchgl %ecx, raw_join(%rip)\n"
    "  andq $-16, %rsp\n"
    "  leaq raw_join(%rip), %rdi\n"
    "  movl $4, %esi\n"
    "  call cloudabi_sys_thread_exit@PLT\n"
    "  ud2\n"
    "  .size raw_entry, . - raw_entry\n");

static char raw_stack[8192] __attribute__((aligned(64)));

static void join_raw(cloudabi_tid_t tid) {
  // The thread may not have claimed raw_join yet: claim it for it.
  cloudabi_lock_t expected = CLOUDABI_LOCK_BOGUS;
  atomic_compare_exchange_strong(&raw_join, &expected, tid | CLOUDABI_LOCK_WRLOCKED);
  CHECK_OK(test_lock_poll(&raw_join, CLOUDABI_SCOPE_PRIVATE, CLOUDABI_EVENTTYPE_LOCK_RDLOCK));
}

// Starts raw_entry on raw_stack + offset with stack_len len and checks the
// layout the reference prescribes (7.3).
static void check_layout(size_t offset, size_t len) {
  memset(raw_stack, 0xa5, sizeof(raw_stack));
  atomic_store(&raw_join, CLOUDABI_LOCK_BOGUS);
  raw_rsp = raw_tp = raw_tid = raw_arg = raw_ret = 0xdeadbeef;
  char *stack = raw_stack + offset;
  cloudabi_threadattr_t attr = {
      .entry_point = raw_entry, .stack = stack, .stack_len = len, .argument = (void *)0x1234};
  cloudabi_tid_t tid;
  CHECK_OK(cloudabi_sys_thread_create(&attr, &tid));
  join_raw(tid);

  uintptr_t top = (uintptr_t)stack + len;
  uintptr_t tcb = (top - sizeof(cloudabi_tcb_t)) & ~(uintptr_t)7;
  uintptr_t slot = tcb - 8;
  uintptr_t rsp = (slot & ~(uintptr_t)15) - 8;
  CHECK_EQ(raw_tid, tid);
  CHECK_EQ(raw_arg, 0x1234);
  CHECK_EQ(raw_tp, tcb);
  CHECK_EQ(raw_rsp, rsp);
  CHECK_EQ(raw_rsp % 16, 8);  // as if just called
  CHECK_EQ(raw_ret, 0);
  CHECK_EQ(*(uint64_t *)tcb, 0);  // a fresh TCB
  CHECK_EQ(*(uint64_t *)slot, tcb);
  // Nothing above the TCB was touched.
  for (uintptr_t p = tcb + sizeof(cloudabi_tcb_t); p < top; ++p)
    CHECK_EQ(*(unsigned char *)p, 0xa5);
  for (uintptr_t p = top; p < (uintptr_t)raw_stack + sizeof(raw_stack); ++p)
    CHECK_EQ(*(unsigned char *)p, 0xa5);
}

TEST(entry_registers_and_tcb_layout) {
  check_layout(0, sizeof(raw_stack));
  check_layout(0, 4096);
  // Misaligned stacks are rounded like the reference does.
  check_layout(3, 4001);
  check_layout(13, 1025);
  check_layout(5, 43);  // just big enough for TCB, slot and return address
}

TEST(thread_create_errors) {
  cloudabi_tid_t tid = 0;
  cloudabi_threadattr_t attr = {
      .entry_point = raw_entry, .stack = raw_stack, .stack_len = 16, .argument = NULL};
  CHECK_ERRNO(cloudabi_sys_thread_create(&attr, &tid), CLOUDABI_EINVAL);  // too small
  attr.stack_len = 0;
  CHECK_ERRNO(cloudabi_sys_thread_create(&attr, &tid), CLOUDABI_EINVAL);
  attr.stack = raw_stack + 5;
  attr.stack_len = 24;  // no room left for the return address after rounding
  CHECK_ERRNO(cloudabi_sys_thread_create(&attr, &tid), CLOUDABI_EINVAL);
  attr.stack = raw_stack;
  attr.stack_len = sizeof(raw_stack);
  attr.entry_point = NULL;
  CHECK_ERRNO(cloudabi_sys_thread_create(&attr, &tid), CLOUDABI_EINVAL);
  attr.entry_point = raw_entry;
  attr.stack = (void *)(uintptr_t)-4096;  // wraps around
  attr.stack_len = 8192;
  CHECK_ERRNO(cloudabi_sys_thread_create(&attr, &tid), CLOUDABI_EINVAL);
  attr.stack = (void *)0x10000;  // not the program's memory
  attr.stack_len = 8192;
  CHECK_ERRNO(cloudabi_sys_thread_create(&attr, &tid), CLOUDABI_EFAULT);
  CHECK_ERRNO(cloudabi_sys_thread_create(NULL, &tid), CLOUDABI_EFAULT);
  attr.stack = raw_stack;
  attr.stack_len = sizeof(raw_stack);
  CHECK_ERRNO(cloudabi_sys_thread_create(&attr, NULL), CLOUDABI_EFAULT);
  CHECK_EQ(tid, 0);
}

// --- threads with TLS, through test_threads.h

static _Thread_local int tls_value = 17;
static _Atomic int started;

struct record {
  cloudabi_tid_t tid;
  int tls_seen;
  int *tls_address;
  char message[32];
};

static void record_thread(cloudabi_tid_t tid, void *arg) {
  struct record *r = arg;
  r->tid = tid;
  r->tls_seen = tls_value;  // the template's value, not the main thread's
  tls_value = 99;
  r->tls_address = &tls_value;
  memcpy(r->message, "hello from a thread", 20);
  atomic_fetch_add(&started, 1);
}

TEST(create_and_join) {
  cloudabi_tid_t self = test_self_tid();
  CHECK(self != 0);
  CHECK_EQ(self & 0xc0000000u, 0);
  tls_value = 5;
  struct record r;
  memset(&r, 0, sizeof(r));
  struct test_thread t;
  CHECK_OK(test_thread_start(&t, record_thread, &r));
  CHECK(t.tid != 0);
  CHECK_EQ(t.tid & 0xc0000000u, 0);
  CHECK(t.tid != self);
  test_thread_join(&t);
  CHECK_EQ(r.tid, t.tid);
  CHECK_EQ(r.tls_seen, 17);
  CHECK(r.tls_address != &tls_value);
  CHECK_EQ(tls_value, 5);
  CHECK(strcmp(r.message, "hello from a thread") == 0);
}

#define NTHREADS 8

TEST(eight_threads_distinct_tids) {
  struct record r[NTHREADS];
  struct test_thread t[NTHREADS];
  atomic_store(&started, 0);
  memset(r, 0, sizeof(r));
  for (int i = 0; i < NTHREADS; ++i) CHECK_OK(test_thread_start(&t[i], record_thread, &r[i]));
  for (int i = 0; i < NTHREADS; ++i) test_thread_join(&t[i]);
  CHECK_EQ(atomic_load(&started), NTHREADS);
  for (int i = 0; i < NTHREADS; ++i) {
    CHECK_EQ(r[i].tid, t[i].tid);
    CHECK_EQ(r[i].tls_seen, 17);
    for (int j = 0; j < i; ++j) {
      CHECK(r[i].tid != r[j].tid);
      CHECK(r[i].tls_address != r[j].tls_address);
    }
  }
}

// thread_exit releases the join lock on the thread's behalf once the thread
// is gone, waking a thread blocked on it; a lock the dead thread still holds
// stays locked, and nobody else may unlock it.
static _Atomic(cloudabi_lock_t) held;
static _Atomic int holder_ready;

static void holder(cloudabi_tid_t tid, void *arg) {
  (void)arg;
  test_wrlock(&held, tid, CLOUDABI_SCOPE_PRIVATE);
  atomic_store(&holder_ready, 1);
  // Keep running for a while, so that the main thread most likely blocks in
  // the join (either order must work).
  for (int i = 0; i < 100; ++i) CHECK_OK(cloudabi_sys_thread_yield());
}

TEST(thread_exit_unlocks_join_lock) {
  struct test_thread t;
  atomic_store(&held, 0);
  atomic_store(&holder_ready, 0);
  CHECK_OK(test_thread_start(&t, holder, NULL));
  test_thread_join(&t);
  CHECK_EQ(atomic_load(&holder_ready), 1);
  CHECK_EQ(atomic_load(&held) & ~CLOUDABI_LOCK_KERNEL_MANAGED, t.tid | CLOUDABI_LOCK_WRLOCKED);
  CHECK_ERRNO(cloudabi_sys_lock_unlock(&held, CLOUDABI_SCOPE_PRIVATE), CLOUDABI_EPERM);
}

// A thread that ends with thread_exit on a lock it does not hold just ends.
static void exit_on_foreign_lock(cloudabi_tid_t tid, void *arg) {
  (void)tid;
  cloudabi_sys_thread_exit(arg, CLOUDABI_SCOPE_PRIVATE);
}

static void exit_bad_scope(cloudabi_tid_t tid, void *arg) {
  struct test_thread *self = arg;
  (void)tid;
  // A bad scope cannot be reported; the thread ends and the lock stays.
  cloudabi_sys_thread_exit(&self->join, 77);
}

TEST(thread_exit_with_bad_lock_still_ends) {
  _Atomic(cloudabi_lock_t) other = 12345 | CLOUDABI_LOCK_WRLOCKED;
  struct test_thread t;
  CHECK_OK(test_thread_start(&t, exit_on_foreign_lock, &other));
  CHECK_EQ(atomic_load(&other), 12345 | CLOUDABI_LOCK_WRLOCKED);
  // The join lock was never released: poll it with a timeout.
  cloudabi_subscription_t subs[2] = {
      {.type = CLOUDABI_EVENTTYPE_LOCK_RDLOCK,
       .lock = {.lock = &t.join, .lock_scope = CLOUDABI_SCOPE_PRIVATE}},
      {.userdata = 5,
       .type = CLOUDABI_EVENTTYPE_CLOCK,
       .clock = {.clock_id = CLOUDABI_CLOCK_MONOTONIC, .timeout = 20000000}},
  };
  cloudabi_event_t ev;
  size_t n;
  CHECK_OK(cloudabi_sys_poll(subs, &ev, 2, &n));
  CHECK_EQ(n, 1);
  CHECK_EQ(ev.type, CLOUDABI_EVENTTYPE_CLOCK);

  struct test_thread t2;
  CHECK_OK(test_thread_start(&t2, exit_bad_scope, &t2));
  CHECK_OK(cloudabi_sys_poll(subs, &ev, 2, &n));
  CHECK_EQ(ev.type, CLOUDABI_EVENTTYPE_CLOCK);
}

TEST(thread_yield) {
  for (int i = 0; i < 10; ++i) CHECK_OK(cloudabi_sys_thread_yield());
}
