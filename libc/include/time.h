// time.h: clocks and calendar time (the rest of this header arrives with the
// time functions).
#ifndef _TIME_H_
#define _TIME_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _TIME_T_DECLARED
typedef __time_t time_t;
#define _TIME_T_DECLARED
#endif

struct timespec {
  time_t tv_sec;
  long tv_nsec;
};

#endif
