// thread_create, thread_exit, thread_yield.
//
// Every program thread is a host pthread with a small stack of its own for
// the runtime's code (system call implementations run there, see
// runtime/entry/guest_switch.S); the program's code runs on the stack the
// program supplied. The thread ID is the Linux thread ID (gettid()): it is
// nonzero, at most 2^22 (PID_MAX_LIMIT), so it fits the 30 bits lock words
// have for it, and unique among all processes, which shared-scope locks need.
//
// thread_create places the TCB exactly like the reference's Linux
// implementation (reference 7.3):
//   tcb   = rounddown(stack + stack_len - sizeof(tcb), 8)   (zero-filled)
//   slot  = tcb - 8, holding &tcb (the reference points the fs base there;
//           here the fs base stays the runtime's and the guest's thread
//           pointer word at %fs:0 holds &tcb, see guest_switch.S)
//   rsp   = rounddown(slot, 16) - 8, with a zero return address at rsp
// and enters entry_point(tid, argument) with %rsp = rsp, %fs:0 = &tcb. The
// stack must be the program's memory (EFAULT otherwise, as a kernel's copyout
// would say) and large enough to hold the TCB, the slot and the return
// address (EINVAL otherwise). Any alignment is accepted: the reference rounds.
//
// thread_exit(lock, scope): the thread's guest code is over once the call is
// made (the implementation runs on the runtime stack, never again on the
// program's), then the lock is released on the thread's behalf exactly like
// lock_unlock, and the host thread ends (other threads return from their
// pthread start routine; the initial thread, which has none, exits with the
// raw exit system call). The last thread to end ends the process with exit
// status 0.
#include "runtime/sys/thread.h"

#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <new>

#include "runtime/entry/guest_switch.h"
#include "runtime/support/errno.h"
#include "runtime/sys/guest_memory.h"
#include "runtime/sys/lock.h"
#include "syscalls.h"

namespace cloudabi::runtime {

namespace {

constexpr size_t kHostStackSize = 512 * 1024;

// Program threads alive, including the initial one.
std::atomic<long> g_threads{1};

// Handed from thread_create to the new thread; the one of the two that is
// done with it last frees it.
struct Start {
  uintptr_t entry;
  uintptr_t stack_pointer;
  uintptr_t tcb;
  uintptr_t argument;
  uint32_t tid = 0;  // futex word: set by the new thread
  std::atomic<int> refs{2};
};

void release(Start* start) {
  if (start->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete start;
}

void* thread_main(void* arg) {
  Start* start = static_cast<Start*>(arg);
  const uintptr_t entry = start->entry, stack_pointer = start->stack_pointer, tcb = start->tcb,
                  argument = start->argument;
  const uint32_t tid = static_cast<uint32_t>(gettid());
  __atomic_store_n(&start->tid, tid, __ATOMIC_RELEASE);
  syscall(SYS_futex, &start->tid, FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
  release(start);
  cloudabi_enter_guest(entry, stack_pointer, tid, argument, tcb);
  // thread_exit ended the guest code; the host thread ends here.
  return nullptr;
}

}  // namespace

void threads_after_fork_child() {
  g_threads.store(1);
  locks_after_fork_child();
  guest_memory_after_fork_child();
}

}  // namespace cloudabi::runtime

extern "C" cloudabi_errno_t cloudabi_rt_thread_create(cloudabi_threadattr_t* attr,
                                                      cloudabi_tid_t* tid) {
  using namespace cloudabi::runtime;
  if (attr == nullptr || tid == nullptr || !memory_mapped(attr, sizeof(*attr)))
    return CLOUDABI_EFAULT;
  cloudabi_threadattr_t a;
  memcpy(&a, attr, sizeof(a));
  const uintptr_t entry = reinterpret_cast<uintptr_t>(a.entry_point);
  const uintptr_t stack = reinterpret_cast<uintptr_t>(a.stack);
  const size_t len = a.stack_len;
  if (entry == 0) return CLOUDABI_EINVAL;
  if (len > UINTPTR_MAX - stack) return CLOUDABI_EINVAL;
  const uintptr_t top = stack + len;
  if (len < sizeof(cloudabi_tcb_t) + 2 * sizeof(uint64_t)) return CLOUDABI_EINVAL;
  const uintptr_t tcb = (top - sizeof(cloudabi_tcb_t)) & ~uintptr_t{7};
  const uintptr_t slot = tcb - sizeof(uint64_t);
  const uintptr_t stack_pointer = (slot & ~uintptr_t{15}) - sizeof(uint64_t);
  if (stack_pointer < stack) return CLOUDABI_EINVAL;
  if (!is_guest_memory(stack, len) || !memory_mapped(a.stack, len)) return CLOUDABI_EFAULT;

  const cloudabi_tcb_t zero_tcb{};
  memcpy(reinterpret_cast<void*>(tcb), &zero_tcb, sizeof(zero_tcb));
  memcpy(reinterpret_cast<void*>(slot), &tcb, sizeof(tcb));
  const uint64_t no_return = 0;
  memcpy(reinterpret_cast<void*>(stack_pointer), &no_return, sizeof(no_return));

  Start* start = new (std::nothrow) Start;
  if (start == nullptr) return CLOUDABI_ENOMEM;
  start->entry = entry;
  start->stack_pointer = stack_pointer;
  start->tcb = tcb;
  start->argument = reinterpret_cast<uintptr_t>(a.argument);

  pthread_attr_t pa;
  pthread_attr_init(&pa);
  pthread_attr_setstacksize(&pa, kHostStackSize);
  pthread_attr_setdetachstate(&pa, PTHREAD_CREATE_DETACHED);
  g_threads.fetch_add(1);
  pthread_t thread;
  int rc = pthread_create(&thread, &pa, thread_main, start);
  pthread_attr_destroy(&pa);
  if (rc != 0) {
    g_threads.fetch_sub(1);
    delete start;
    return translate_errno(rc);
  }
  uint32_t new_tid;
  while ((new_tid = __atomic_load_n(&start->tid, __ATOMIC_ACQUIRE)) == 0)
    syscall(SYS_futex, &start->tid, FUTEX_WAIT_PRIVATE, 0, nullptr, nullptr, 0);
  release(start);
  *tid = new_tid;
  return 0;
}

extern "C" void cloudabi_rt_thread_exit(_CLOUDABI_ATOMIC(cloudabi_lock_t) * lock,
                                        cloudabi_scope_t scope) {
  using namespace cloudabi::runtime;
  if (g_threads.fetch_sub(1) == 1) _exit(0);
  // Errors (a bad lock or scope) cannot be reported: the thread ends anyway.
  const pid_t tid = gettid();
  lock_release(lock, scope, static_cast<cloudabi_tid_t>(tid));
  // The initial thread ends right here: returning to runtime::run to let it
  // call pthread_exit would unwind the frames of whatever called run (a
  // catch (...) there, as in a test runner, aborts a forced unwind). Ending
  // just this thread with the raw exit call unwinds nothing.
  if (tid == getpid()) syscall(SYS_exit, 0);
  cloudabi_leave_guest();
}

extern "C" cloudabi_errno_t cloudabi_rt_thread_yield(void) {
  sched_yield();
  return 0;
}
