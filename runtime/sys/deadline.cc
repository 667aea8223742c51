#include "runtime/sys/deadline.h"

#include <unistd.h>

#include <algorithm>

namespace cloudabi::runtime {

namespace {

constexpr uint64_t kNsPerSec = 1000000000;
// The shortest sleep between two looks at the process CPU clock.
constexpr uint64_t kMinCpuSlice = 100000;

uint64_t cpus() {
  static const uint64_t n = [] {
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    return c > 0 ? static_cast<uint64_t>(c) : uint64_t{1};
  }();
  return n;
}

}  // namespace

uint64_t clock_now_ns(clockid_t clock) {
  timespec ts;
  if (clock_gettime(clock, &ts) != 0 || ts.tv_sec < 0) return 0;
  return static_cast<uint64_t>(ts.tv_sec) * kNsPerSec + static_cast<uint64_t>(ts.tv_nsec);
}

timespec ns_to_timespec(uint64_t ns) {
  timespec ts;
  ts.tv_sec = static_cast<time_t>(ns / kNsPerSec);
  ts.tv_nsec = static_cast<long>(ns % kNsPerSec);
  return ts;
}

cloudabi_errno_t Deadline::from_subscription(cloudabi_clockid_t clock_id,
                                             cloudabi_timestamp_t timeout,
                                             cloudabi_subclockflags_t flags, Deadline* out) {
  bool absolute = (flags & CLOUDABI_SUBSCRIPTION_CLOCK_ABSTIME) != 0;
  Deadline d;
  clockid_t base;
  switch (clock_id) {
    case CLOUDABI_CLOCK_MONOTONIC:
      d.clock_ = Clock::kMonotonic;
      base = CLOCK_MONOTONIC;
      break;
    case CLOUDABI_CLOCK_REALTIME:
      if (absolute) {
        d.clock_ = Clock::kRealtime;
        d.at_ = timeout;
        *out = d;
        return 0;
      }
      d.clock_ = Clock::kMonotonic;
      base = CLOCK_MONOTONIC;
      break;
    case CLOUDABI_CLOCK_PROCESS_CPUTIME_ID:
      d.clock_ = Clock::kProcessCpu;
      base = CLOCK_PROCESS_CPUTIME_ID;
      break;
    case CLOUDABI_CLOCK_THREAD_CPUTIME_ID: {
      // Converted to a duration now (see the header).
      uint64_t remaining = timeout;
      if (absolute) {
        uint64_t now = clock_now_ns(CLOCK_THREAD_CPUTIME_ID);
        remaining = timeout > now ? timeout - now : 0;
      }
      d.clock_ = Clock::kMonotonic;
      uint64_t now = clock_now_ns(CLOCK_MONOTONIC);
      d.infinite_ = remaining > UINT64_MAX - now;
      d.at_ = d.infinite_ ? UINT64_MAX : now + remaining;
      *out = d;
      return 0;
    }
    default:
      return CLOUDABI_EINVAL;
  }
  if (absolute) {
    d.at_ = timeout;
  } else {
    uint64_t now = clock_now_ns(base);
    d.infinite_ = timeout > UINT64_MAX - now;
    d.at_ = d.infinite_ ? UINT64_MAX : now + timeout;
  }
  *out = d;
  return 0;
}

bool Deadline::expired() const {
  if (infinite_) return false;
  switch (clock_) {
    case Clock::kMonotonic:
      return clock_now_ns(CLOCK_MONOTONIC) >= at_;
    case Clock::kRealtime:
      return clock_now_ns(CLOCK_REALTIME) >= at_;
    case Clock::kProcessCpu:
      return clock_now_ns(CLOCK_PROCESS_CPUTIME_ID) >= at_;
  }
  return false;
}

bool Deadline::absolute_wait(timespec* out, bool* realtime) const {
  if (infinite_) return false;
  *realtime = false;
  switch (clock_) {
    case Clock::kMonotonic:
      *out = ns_to_timespec(at_);
      return true;
    case Clock::kRealtime:
      *realtime = true;
      *out = ns_to_timespec(at_);
      return true;
    case Clock::kProcessCpu: {
      uint64_t now = clock_now_ns(CLOCK_PROCESS_CPUTIME_ID);
      uint64_t slice = std::max((at_ > now ? at_ - now : 0) / cpus(), kMinCpuSlice);
      *out = ns_to_timespec(clock_now_ns(CLOCK_MONOTONIC) + slice);
      return true;
    }
  }
  return false;
}

bool Deadline::relative_wait(timespec* out) const {
  if (infinite_) return false;
  uint64_t now;
  switch (clock_) {
    case Clock::kMonotonic:
      now = clock_now_ns(CLOCK_MONOTONIC);
      *out = ns_to_timespec(at_ > now ? at_ - now : 0);
      return true;
    case Clock::kRealtime:
      now = clock_now_ns(CLOCK_REALTIME);
      *out = ns_to_timespec(at_ > now ? at_ - now : 0);
      return true;
    case Clock::kProcessCpu:
      now = clock_now_ns(CLOCK_PROCESS_CPUTIME_ID);
      *out = ns_to_timespec(at_ > now ? std::max((at_ - now) / cpus(), kMinCpuSlice) : 0);
      return true;
  }
  return false;
}

timespec Deadline::expiry() const { return ns_to_timespec(at_); }

}  // namespace cloudabi::runtime
