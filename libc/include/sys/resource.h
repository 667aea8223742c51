// sys/resource.h: resource usage.
//
// Features missing:
// - getrlimit(), setrlimit(), rlim_t, RLIMIT_*: the limits belong to the
//   environment that runs the program.
// - getpriority(), setpriority(), PRIO_*, id_t: priorities cannot be changed.
#ifndef _SYS_RESOURCE_H_
#define _SYS_RESOURCE_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <sys/select.h>

#define RUSAGE_SELF 1
#define RUSAGE_CHILDREN 2

// Only the times are known: user time covers all the CPU time consumed.
struct rusage {
  struct timeval ru_utime;
  struct timeval ru_stime;
};

__BEGIN_DECLS
int getrusage(int, struct rusage *);
__END_DECLS

#endif
