// clock_res_get, clock_time_get.
#include <time.h>

#include "runtime/support/errno.h"
#include "syscalls.h"

namespace {

bool linux_clock(cloudabi_clockid_t id, clockid_t* out) {
  switch (id) {
    case CLOUDABI_CLOCK_MONOTONIC:
      *out = CLOCK_MONOTONIC;
      return true;
    case CLOUDABI_CLOCK_PROCESS_CPUTIME_ID:
      *out = CLOCK_PROCESS_CPUTIME_ID;
      return true;
    case CLOUDABI_CLOCK_REALTIME:
      *out = CLOCK_REALTIME;
      return true;
    case CLOUDABI_CLOCK_THREAD_CPUTIME_ID:
      *out = CLOCK_THREAD_CPUTIME_ID;
      return true;
    default:
      return false;
  }
}

cloudabi_timestamp_t to_timestamp(const timespec& ts) {
  // Times before 1970 cannot be represented; they read as 0.
  if (ts.tv_sec < 0) return 0;
  return static_cast<cloudabi_timestamp_t>(ts.tv_sec) * 1000000000u +
         static_cast<cloudabi_timestamp_t>(ts.tv_nsec);
}

}  // namespace

extern "C" cloudabi_errno_t cloudabi_rt_clock_res_get(cloudabi_clockid_t clock_id,
                                                      cloudabi_timestamp_t* resolution) {
  clockid_t id;
  if (!linux_clock(clock_id, &id)) return CLOUDABI_EINVAL;
  timespec ts;
  if (clock_getres(id, &ts) != 0) return cloudabi::runtime::last_errno();
  cloudabi_timestamp_t r = to_timestamp(ts);
  *resolution = r == 0 ? 1 : r;
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_clock_time_get(cloudabi_clockid_t clock_id,
                                                       cloudabi_timestamp_t /*precision*/,
                                                       cloudabi_timestamp_t* time) {
  clockid_t id;
  if (!linux_clock(clock_id, &id)) return CLOUDABI_EINVAL;
  timespec ts;
  if (clock_gettime(id, &ts) != 0) return cloudabi::runtime::last_errno();
  *time = to_timestamp(ts);
  return 0;
}
