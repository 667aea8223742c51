// lock_unlock, condvar_signal, and the lock and condition-variable waits that
// poll performs (lock.h).
//
// THE PROTOCOL
//
// Locks and condition variables are 32-bit words in the program's memory that
// its libc manipulates with atomic instructions on the fast paths (reference
// 7.4, 7.5). The runtime is only called when a thread must block or must wake
// others. Process-shared (SCOPE_SHARED) words may live in memory shared with
// other processes (fd_create1 + MAP_SHARED, or anonymous MAP_SHARED memory
// inherited across proc_fork), so no state that waiters depend on may live in
// this process: everything is in the words themselves, and threads sleep on
// the words with Linux futexes (FUTEX_PRIVATE_FLAG for SCOPE_PRIVATE only,
// so shared-scope futexes are keyed by the underlying memory object and match
// across processes). The only in-process bookkeeping is the condvar->lock
// binding check below.
//
// Lock word: 0 = unlocked; WRLOCKED|tid = write-locked by tid; n = n readers;
// KERNEL_MANAGED (KM, bit 31) = "threads may be sleeping: releasing must go
// through the runtime". KM alone (0x80000000, LOCK_BOGUS) never occurs and is
// answered with EINVAL, as FreeBSD answers a KM word it does not manage.
//
// Futex bitsets tell waiters apart on the lock word: readers sleep with bit 1,
// writers (including condvar waiters re-acquiring the lock) with bit 2, so a
// release can wake exactly one writer, or else all readers.
//
// Invariant (no lost wake-ups): a thread only sleeps on a lock word whose
// value has KM set (it sets KM itself with a CAS first and sleeps with that
// exact value as the futex's expected value). KM is only ever cleared by a
// release in the runtime, which replaces the word and then wakes. So a
// sleeper either sees the word change before it sleeps (FUTEX_WAIT fails with
// EAGAIN and it looks again) or is asleep when the release's wake comes.
//
// Acquire (poll LOCK_RDLOCK / LOCK_WRLOCK), by thread tid, in a loop:
//   - the word is WRLOCKED|tid (with or without KM)         -> EDEADLK
//     (for read locks too: FreeBSD would sleep forever here);
//   - writer: word 0                                        -> CAS to tid|WRLOCKED;
//   - reader: not write-locked and (KM clear, or this thread was woken by a
//     release)                                              -> CAS n -> n+1;
//     new readers do not pass a KM word: a writer may be waiting, and
//     writers are preferred (as in cloudlibc's userspace fast path);
//   - otherwise set KM (CAS), then, if the deadline has passed, return
//     ETIMEDOUT, else FUTEX_WAIT on the KM value until the deadline.
//   A thread that was woken by a release acquires with KM set (n+1|KM or
//   tid|WRLOCKED|KM): a release wakes one writer or the readers, and the
//   others may still be asleep, so whoever was woken must keep KM set for
//   them, either in the word it acquires or by setting it before sleeping
//   again. That is also why KM is set *before* the deadline check: a woken
//   thread that then times out has still passed the duty on. KM can thus be
//   stale (set with nobody asleep); that only costs one extra runtime call
//   on the next release, and a release that wakes nobody leaves it clear.
//
// Release (lock_unlock, thread_exit, and a condvar wait dropping its lock):
//   the word must be tid|WRLOCKED (with or without KM), else EPERM (readers
//   never call it: cloudlibc's last reader of a KM lock turns 1|KM into
//   tid|WRLOCKED|KM first). CAS the word to 0; if KM was set, wake one writer,
//   and if there was none, wake all readers ("writers preferred"). The woken
//   thread acquires through the loop above. This is hand-off by wake-up
//   rather than FreeBSD's direct hand-off (the kernel wrote the next owner's
//   tid into the word): a futex queue cannot tell us the sleeper's tid. The
//   difference is only who wins when a newly arriving thread races with the
//   woken one; mutual exclusion, writer preference among sleepers and the
//   absence of lost wake-ups are the same.
//
// Private-scope condition variables (all waiters in this process) use a
// FIFO queue per condvar in the runtime instead (condvar_wait_private below):
// condvar_signal dequeues the waiters it wakes and writes the number left
// into the word, so the word is 0 as soon as the last waiter is woken (the
// reference's "resets the word when it wakes all") and woken waiters never
// touch it again. The rest of this section is about shared scope.
//
// Shared-scope condition variable word: low 16 bits W = registered waiters, high 16 bits
// G = signal generation. The word is 0 exactly when nobody waits ("when no
// waiters remain the condvar word becomes 0"): G is reset with the last
// waiter's departure and only matters while somebody waits. At most 65535
// threads may wait on one condvar at a time (more: EAGAIN).
//   Wait (poll CONDVAR [+ CLOCK]): the caller must hold the lock for writing
//   (EPERM). Register (W+1, remembering G) while still holding the lock,
//   release the lock as above, then FUTEX_WAIT on the word's value. The wait
//   ends when the futex wakes us (a signal), or when G differs from the
//   remembered one (a signal came before we were asleep: FUTEX_WAIT fails
//   with EAGAIN because the word changed); a change of W alone (other
//   waiters coming and going) just means waiting again with the new value.
//   On the deadline, a changed G still counts as signalled, else ETIMEDOUT.
//   Leave (W-1; the word becomes 0 with the last waiter), then re-acquire the
//   lock for writing (no deadline, like FreeBSD), so the waiter always
//   returns holding it.
//   Signal (condvar_signal(n)): if W > 0, G+1 with a CAS, then FUTEX_WAKE n.
//   No lost wake-ups: a registered waiter is either asleep (and a FUTEX_WAKE
//   reaches it) or not yet, and then it sees G change. Only threads waiting
//   at the time of the signal are woken (a thread that registers later
//   remembers the new G and sleeps), as POSIX requires. Up to n sleepers
//   wake, plus any registered waiters that were not asleep yet; those extra
//   wake-ups are spurious wake-ups, which condition variables allow
//   (callers re-check their predicate). A waiter remembering G would miss a
//   signal only if exactly a multiple of 65536 signals happened between its
//   registration and its falling asleep.
//   FreeBSD acquires the lock for the first woken waiter inside
//   condvar_signal and queues the others on the lock ("wait morphing"); here
//   each woken waiter acquires it itself before poll returns, so the result
//   the program sees is the same: poll returns with the lock write-locked by
//   the waiter.
//   Binding: a condvar is bound to the lock of its first waiter while it has
//   waiters; waiting with another lock is EINVAL (FreeBSD's rule). This is
//   checked per process (for shared-scope condvars only among this
//   process's waiters).
//
// Shared scope differs from the reference in one more way: the word becomes 0
// when the last woken waiter has left (W-1), shortly after the signal, not in
// condvar_signal itself; so shared condvar memory must not be reused right
// after a broadcast.
//
// A process that dies while it was woken and before acquiring (possible with
// shared locks) can leave other processes' sleepers without a wake-up, just
// as a process that dies holding a shared lock leaves it locked.
#include "runtime/sys/lock.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <deque>
#include <mutex>
#include <new>
#include <unordered_map>

#include "runtime/support/errno.h"
#include "syscalls.h"

namespace cloudabi::runtime {

namespace {

constexpr uint32_t kWrlocked = CLOUDABI_LOCK_WRLOCKED;
constexpr uint32_t kManaged = CLOUDABI_LOCK_KERNEL_MANAGED;
constexpr uint32_t kMaxReaders = kWrlocked - 1;

constexpr uint32_t kReaderBit = 1;
constexpr uint32_t kWriterBit = 2;
constexpr uint32_t kCondvarBit = FUTEX_BITSET_MATCH_ANY;

constexpr uint32_t kMaxCondvarWaiters = 0xffff;

bool valid_scope(cloudabi_scope_t scope) {
  return scope == CLOUDABI_SCOPE_PRIVATE || scope == CLOUDABI_SCOPE_SHARED;
}

int private_flag(cloudabi_scope_t scope) {
  return scope == CLOUDABI_SCOPE_PRIVATE ? FUTEX_PRIVATE_FLAG : 0;
}

// Pointers the runtime dereferences itself: null is EFAULT, and futex words
// must be 4-byte aligned (the kernel would say EINVAL).
cloudabi_errno_t check_word(const uint32_t* word) {
  if (word == nullptr) return CLOUDABI_EFAULT;
  if (reinterpret_cast<uintptr_t>(word) % alignof(uint32_t) != 0) return CLOUDABI_EINVAL;
  return 0;
}

uint32_t load(uint32_t* word) { return __atomic_load_n(word, __ATOMIC_ACQUIRE); }

// On failure *expected receives the current value.
bool cas(uint32_t* word, uint32_t* expected, uint32_t desired) {
  return __atomic_compare_exchange_n(word, expected, desired, false, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE);
}

// 0 when woken, otherwise the Linux errno (EAGAIN, ETIMEDOUT, EINTR, EFAULT).
int futex_wait(uint32_t* word, uint32_t expected, uint32_t bitset, cloudabi_scope_t scope,
               const Deadline* deadline) {
  int op = FUTEX_WAIT_BITSET | private_flag(scope);
  timespec ts;
  bool realtime = false;
  const timespec* timeout = nullptr;
  if (deadline != nullptr && deadline->absolute_wait(&ts, &realtime)) {
    timeout = &ts;
    if (realtime) op |= FUTEX_CLOCK_REALTIME;
  }
  if (syscall(SYS_futex, word, op, expected, timeout, nullptr, bitset) == 0) return 0;
  return errno;
}

// The number of threads woken.
long futex_wake(uint32_t* word, int count, uint32_t bitset, cloudabi_scope_t scope) {
  long n = syscall(SYS_futex, word, FUTEX_WAKE_BITSET | private_flag(scope), count, nullptr,
                   nullptr, bitset);
  return n < 0 ? 0 : n;
}

// Waits that Linux cut short without the deadline passing are retried;
// anything else the caller reports.
bool wait_failed(int error) {
  return error != 0 && error != EAGAIN && error != EINTR && error != ETIMEDOUT;
}

uint32_t condvar_waiters(uint32_t c) { return c & 0xffff; }
uint32_t condvar_generation(uint32_t c) { return c >> 16; }
uint32_t condvar_word(uint32_t generation, uint32_t waiters) {
  return waiters == 0 ? 0 : (generation & 0xffff) << 16 | waiters;
}

// Which lock each condvar with waiters in this process is bound to.
struct Binding {
  uintptr_t lock;
  unsigned waiters;
};
struct Bindings {
  std::mutex mutex;
  std::unordered_map<uintptr_t, Binding> map;
};
alignas(Bindings) unsigned char bindings_storage[sizeof(Bindings)];
Bindings* bindings = new (bindings_storage) Bindings;

cloudabi_errno_t bind(const uint32_t* condvar, const uint32_t* lock) {
  std::lock_guard<std::mutex> guard(bindings->mutex);
  auto [it, inserted] = bindings->map.try_emplace(reinterpret_cast<uintptr_t>(condvar),
                                                  Binding{reinterpret_cast<uintptr_t>(lock), 0});
  if (!inserted && it->second.lock != reinterpret_cast<uintptr_t>(lock)) return CLOUDABI_EINVAL;
  ++it->second.waiters;
  return 0;
}

void unbind(const uint32_t* condvar) {
  std::lock_guard<std::mutex> guard(bindings->mutex);
  auto it = bindings->map.find(reinterpret_cast<uintptr_t>(condvar));
  if (it != bindings->map.end() && --it->second.waiters == 0) bindings->map.erase(it);
}

// Unregisters a waiter.
void condvar_leave(uint32_t* condvar) {
  uint32_t c = load(condvar);
  for (;;) {
    uint32_t w = condvar_waiters(c);
    if (w == 0) return;  // overwritten by the program; nothing to undo
    if (cas(condvar, &c, condvar_word(condvar_generation(c), w - 1))) return;
  }
}

// Private-scope condition variables: every thread that waits on one is in
// this process, so the runtime keeps a FIFO queue of them per condvar (as
// FreeBSD's kernel does) and condvar_signal dequeues the ones it wakes and
// updates the word itself. A woken waiter never touches the condvar word
// again, so a program may destroy and reuse a condvar right after signalling
// every waiter, and the word is 0 as soon as nobody is left to wake.
struct PrivateWaiter {
  uint32_t signalled = 0;  // futex word: 1 once condvar_signal dequeued us
};
struct PrivateQueue {
  uintptr_t lock;
  std::deque<PrivateWaiter*> waiters;
};
struct PrivateQueues {
  std::mutex mutex;
  std::unordered_map<uintptr_t, PrivateQueue> map;
};
alignas(PrivateQueues) unsigned char private_queues_storage[sizeof(PrivateQueues)];
PrivateQueues* private_queues = new (private_queues_storage) PrivateQueues;

// With private_queues->mutex held: the word says whether anybody waits (the
// number of waiters, which is at most kMaxCondvarWaiters).
void publish_waiters(uint32_t* condvar, size_t waiters) {
  __atomic_store_n(condvar, static_cast<uint32_t>(waiters), __ATOMIC_RELEASE);
}

// With private_queues->mutex held: removes w if it is still queued.
void dequeue(uint32_t* condvar, PrivateWaiter* w) {
  auto it = private_queues->map.find(reinterpret_cast<uintptr_t>(condvar));
  if (it == private_queues->map.end()) return;
  auto& q = it->second.waiters;
  q.erase(std::remove(q.begin(), q.end(), w), q.end());
  publish_waiters(condvar, q.size());
  if (q.empty()) private_queues->map.erase(it);
}

cloudabi_errno_t condvar_wait_private(uint32_t* condvar, uint32_t* lock,
                                      cloudabi_scope_t lock_scope, const Deadline* deadline,
                                      uint32_t tid) {
  PrivateWaiter self;
  {
    std::lock_guard<std::mutex> guard(private_queues->mutex);
    auto [it, inserted] = private_queues->map.try_emplace(
        reinterpret_cast<uintptr_t>(condvar), PrivateQueue{reinterpret_cast<uintptr_t>(lock), {}});
    PrivateQueue& q = it->second;
    if (q.lock != reinterpret_cast<uintptr_t>(lock)) return CLOUDABI_EINVAL;
    if (q.waiters.size() >= kMaxCondvarWaiters) return CLOUDABI_EAGAIN;
    q.waiters.push_back(&self);
    publish_waiters(condvar, q.waiters.size());
  }
  if (cloudabi_errno_t e = lock_release(lock, lock_scope, tid)) {
    std::lock_guard<std::mutex> guard(private_queues->mutex);
    dequeue(condvar, &self);
    return e;
  }

  cloudabi_errno_t result = 0;
  while (__atomic_load_n(&self.signalled, __ATOMIC_ACQUIRE) == 0) {
    if (deadline != nullptr && deadline->expired()) {
      result = CLOUDABI_ETIMEDOUT;
      break;
    }
    int r =
        futex_wait(&self.signalled, 0, FUTEX_BITSET_MATCH_ANY, CLOUDABI_SCOPE_PRIVATE, deadline);
    if (wait_failed(r)) {
      result = translate_errno(r);
      break;
    }
  }
  {
    // Also waits for a signaller that dequeued us to finish with `self`.
    std::lock_guard<std::mutex> guard(private_queues->mutex);
    if (__atomic_load_n(&self.signalled, __ATOMIC_ACQUIRE) != 0) {
      result = 0;  // signalled, even if the deadline passed meanwhile
    } else {
      dequeue(condvar, &self);
    }
  }
  if (cloudabi_errno_t e = lock_acquire(lock, lock_scope, true, nullptr)) return e;
  return result;
}

// Wakes up to n waiters of a private condvar, first come first served.
void condvar_signal_private(uint32_t* condvar, uint32_t n) {
  std::lock_guard<std::mutex> guard(private_queues->mutex);
  auto it = private_queues->map.find(reinterpret_cast<uintptr_t>(condvar));
  if (it == private_queues->map.end()) return;  // nobody waits
  auto& q = it->second.waiters;
  for (uint32_t i = 0; i < n && !q.empty(); ++i) {
    PrivateWaiter* w = q.front();
    q.pop_front();
    __atomic_store_n(&w->signalled, 1, __ATOMIC_RELEASE);
    futex_wake(&w->signalled, 1, FUTEX_BITSET_MATCH_ANY, CLOUDABI_SCOPE_PRIVATE);
  }
  publish_waiters(condvar, q.size());
  if (q.empty()) private_queues->map.erase(it);
}

}  // namespace

cloudabi_errno_t lock_acquire(uint32_t* lock, cloudabi_scope_t scope, bool write,
                              const Deadline* deadline) {
  if (!valid_scope(scope)) return CLOUDABI_EINVAL;
  if (cloudabi_errno_t e = check_word(lock)) return e;
  const uint32_t tid = static_cast<uint32_t>(gettid());
  bool woken = false;
  uint32_t w = load(lock);
  for (;;) {
    if (w == kManaged) return CLOUDABI_EINVAL;
    if ((w & ~kManaged) == (tid | kWrlocked)) return CLOUDABI_EDEADLK;
    const uint32_t keep = woken ? kManaged : 0;
    if (write) {
      if (w == 0) {
        if (cas(lock, &w, tid | kWrlocked | keep)) return 0;
        continue;
      }
    } else if ((w & kWrlocked) == 0 && ((w & kManaged) == 0 || woken)) {
      if ((w & ~kManaged) == kMaxReaders) return CLOUDABI_EAGAIN;
      if (cas(lock, &w, (w + 1) | keep)) return 0;
      continue;
    }
    // Busy: make sure the holder's release comes to the runtime, then sleep.
    if ((w & kManaged) == 0) {
      if (!cas(lock, &w, w | kManaged)) continue;
      w |= kManaged;
    }
    if (deadline != nullptr && deadline->expired()) return CLOUDABI_ETIMEDOUT;
    int r = futex_wait(lock, w, write ? kWriterBit : kReaderBit, scope, deadline);
    if (r == 0) woken = true;
    if (wait_failed(r)) return translate_errno(r);
    w = load(lock);
  }
}

cloudabi_errno_t lock_release(uint32_t* lock, cloudabi_scope_t scope, cloudabi_tid_t tid) {
  if (!valid_scope(scope)) return CLOUDABI_EINVAL;
  if (cloudabi_errno_t e = check_word(lock)) return e;
  uint32_t w = load(lock);
  do {
    if ((w & ~kManaged) != (tid | kWrlocked)) return CLOUDABI_EPERM;
  } while (!cas(lock, &w, 0));
  if ((w & kManaged) != 0 && futex_wake(lock, 1, kWriterBit, scope) == 0)
    futex_wake(lock, INT_MAX, kReaderBit, scope);
  return 0;
}

cloudabi_errno_t condvar_wait(uint32_t* condvar, cloudabi_scope_t condvar_scope, uint32_t* lock,
                              cloudabi_scope_t lock_scope, const Deadline* deadline) {
  if (!valid_scope(condvar_scope) || !valid_scope(lock_scope)) return CLOUDABI_EINVAL;
  if (cloudabi_errno_t e = check_word(condvar)) return e;
  if (cloudabi_errno_t e = check_word(lock)) return e;
  const uint32_t tid = static_cast<uint32_t>(gettid());
  if ((load(lock) & ~kManaged) != (tid | kWrlocked)) return CLOUDABI_EPERM;
  if (condvar_scope == CLOUDABI_SCOPE_PRIVATE)
    return condvar_wait_private(condvar, lock, lock_scope, deadline, tid);
  if (cloudabi_errno_t e = bind(condvar, lock)) return e;

  // Register as a waiter while still holding the lock, so that a signaller
  // (which takes the lock first, if it follows the usual discipline) sees us.
  uint32_t c = load(condvar);
  for (;;) {
    uint32_t waiters = condvar_waiters(c);
    if (waiters == kMaxCondvarWaiters) {
      unbind(condvar);
      return CLOUDABI_EAGAIN;
    }
    if (cas(condvar, &c, condvar_word(condvar_generation(c), waiters + 1))) break;
  }
  const uint32_t generation = condvar_generation(c);
  if (cloudabi_errno_t e = lock_release(lock, lock_scope, tid)) {
    condvar_leave(condvar);
    unbind(condvar);
    return e;
  }

  cloudabi_errno_t result = 0;
  for (;;) {
    c = load(condvar);
    // Signalled before we got to sleep, or the program overwrote the word.
    if (condvar_generation(c) != generation || condvar_waiters(c) == 0) break;
    if (deadline != nullptr && deadline->expired()) {
      result = CLOUDABI_ETIMEDOUT;
      break;
    }
    int r = futex_wait(condvar, c, kCondvarBit, condvar_scope, deadline);
    if (r == 0) break;  // woken by condvar_signal
    if (wait_failed(r)) {
      result = translate_errno(r);
      break;
    }
  }
  condvar_leave(condvar);
  unbind(condvar);

  // Like FreeBSD: the lock is re-acquired without a deadline.
  if (cloudabi_errno_t e = lock_acquire(lock, lock_scope, true, nullptr)) return e;
  return result;
}

void locks_after_fork_child() {
  // The other threads' waits do not exist in the child; their bookkeeping
  // (and the mutex, which one of them may have held) is simply abandoned.
  bindings = new (bindings_storage) Bindings;
  private_queues = new (private_queues_storage) PrivateQueues;
}

}  // namespace cloudabi::runtime

using cloudabi::runtime::lock_release;

extern "C" cloudabi_errno_t cloudabi_rt_lock_unlock(_CLOUDABI_ATOMIC(cloudabi_lock_t) * lock,
                                                    cloudabi_scope_t scope) {
  return lock_release(lock, scope, static_cast<cloudabi_tid_t>(gettid()));
}

extern "C" cloudabi_errno_t cloudabi_rt_condvar_signal(_CLOUDABI_ATOMIC(cloudabi_condvar_t) *
                                                           condvar,
                                                       cloudabi_scope_t scope,
                                                       cloudabi_nthreads_t nwaiters) {
  using namespace cloudabi::runtime;
  if (!valid_scope(scope)) return CLOUDABI_EINVAL;
  if (cloudabi_errno_t e = check_word(condvar)) return e;
  if (nwaiters == 0) return 0;
  if (scope == CLOUDABI_SCOPE_PRIVATE) {
    condvar_signal_private(condvar, nwaiters);
    return 0;
  }
  uint32_t c = load(condvar);
  do {
    if (condvar_waiters(c) == 0) return 0;  // nobody to wake
  } while (!cas(condvar, &c, condvar_word(condvar_generation(c) + 1, condvar_waiters(c))));
  futex_wake(condvar, static_cast<int>(std::min<uint32_t>(nwaiters, INT_MAX)), kCondvarBit, scope);
  return 0;
}
