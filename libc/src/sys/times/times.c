#include <cloudabi_syscalls.h>
#include <errno.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <time.h>

// The process's CPU time; CloudABI does not tell user and system time apart,
// so all of it counts as user time.
static cloudabi_timestamp_t cputime(void) {
  cloudabi_timestamp_t t = 0;
  cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_PROCESS_CPUTIME_ID, 1000, &t);
  return t;
}

// Returns the elapsed monotonic time, in the same units.
clock_t times(struct tms *buf) {
  buf->tms_utime = (clock_t)(cputime() / (1000000000 / CLOCKS_PER_SEC));
  buf->tms_stime = buf->tms_cutime = buf->tms_cstime = 0;
  cloudabi_timestamp_t now = 0;
  cloudabi_sys_clock_time_get(CLOUDABI_CLOCK_MONOTONIC, 1000, &now);
  return (clock_t)(now / (1000000000 / CLOCKS_PER_SEC));
}

// Children's time is not known to the process: it reads as zero.
int getrusage(int who, struct rusage *usage) {
  if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN) {
    errno = EINVAL;
    return -1;
  }
  cloudabi_timestamp_t t = who == RUSAGE_SELF ? cputime() : 0;
  usage->ru_utime.tv_sec = (time_t)(t / 1000000000);
  usage->ru_utime.tv_usec = (suseconds_t)(t % 1000000000 / 1000);
  usage->ru_stime.tv_sec = 0;
  usage->ru_stime.tv_usec = 0;
  return 0;
}
