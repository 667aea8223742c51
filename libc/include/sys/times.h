// sys/times.h: file access and modification times structure.
#ifndef _SYS_TIMES_H_
#define _SYS_TIMES_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _CLOCK_T_DECLARED
typedef __clock_t clock_t;
#define _CLOCK_T_DECLARED
#endif

// Values in CLOCKS_PER_SEC units. The time of child processes is not
// accounted for: tms_cutime and tms_cstime are zero.
struct tms {
  clock_t tms_utime;
  clock_t tms_stime;
  clock_t tms_cutime;
  clock_t tms_cstime;
};

__BEGIN_DECLS
clock_t times(struct tms *);
__END_DECLS

#endif
