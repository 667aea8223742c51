// When a poll CLOCK subscription expires, in a form the runtime can wait for
// (used by poll.cc and by the lock and condition variable waits in lock.cc).
//
// How the four CloudABI clocks are waited for:
// - MONOTONIC, relative or absolute: an absolute CLOCK_MONOTONIC deadline.
// - REALTIME, absolute: an absolute CLOCK_REALTIME deadline, so that setting
//   the clock moves the expiry with it (futex FUTEX_CLOCK_REALTIME, timerfd
//   TFD_TIMER_ABSTIME).
// - REALTIME, relative: measured on CLOCK_MONOTONIC. POSIX says relative
//   waits on CLOCK_REALTIME are not affected by setting the clock.
// - PROCESS_CPUTIME_ID: the process's CPU clock itself, checked after sleeping
//   in slices (Linux cannot arm timers or futex timeouts on CPU clocks; the
//   process consumes at most ncpus seconds of CPU time per second, so a slice
//   of remaining/ncpus never oversleeps by more than the slice).
// - THREAD_CPUTIME_ID: the calling thread does not run while it waits, so its
//   CPU clock cannot advance during the wait; Linux refuses clock_nanosleep
//   on it. Like FreeBSD's kevent timers, the remaining CPU time is waited for
//   as a CLOCK_MONOTONIC duration.
// Precision is ignored, as CloudABI allows.
#pragma once

#include <time.h>

#include <cstdint>

#include "cloudabi_types.h"

namespace cloudabi::runtime {

class Deadline {
 public:
  enum class Clock { kMonotonic, kRealtime, kProcessCpu };

  // The deadline of a CLOCK subscription. EINVAL for an unknown clock.
  static cloudabi_errno_t from_subscription(cloudabi_clockid_t clock_id,
                                            cloudabi_timestamp_t timeout,
                                            cloudabi_subclockflags_t flags, Deadline* out);

  Clock clock() const { return clock_; }
  // Too far in the future to ever expire (the timeout overflowed).
  bool infinite() const { return infinite_; }
  // Whether the clock has reached the deadline.
  bool expired() const;

  // An absolute time on CLOCK_MONOTONIC (*realtime = false) or CLOCK_REALTIME
  // (*realtime = true) to sleep until before checking expired() again.
  // False if the deadline is infinite.
  bool absolute_wait(timespec* out, bool* realtime) const;
  // The same as a duration from now, for ppoll. False if infinite.
  bool relative_wait(timespec* out) const;
  // The deadline as an absolute time on its own clock (CLOCK_MONOTONIC,
  // CLOCK_REALTIME or CLOCK_PROCESS_CPUTIME_ID).
  timespec expiry() const;

 private:
  Clock clock_ = Clock::kMonotonic;
  bool infinite_ = false;
  uint64_t at_ = 0;  // nanoseconds on the clock
};

// Now on a Linux clock, in nanoseconds (0 if the clock cannot be read).
uint64_t clock_now_ns(clockid_t clock);
timespec ns_to_timespec(uint64_t ns);

}  // namespace cloudabi::runtime
