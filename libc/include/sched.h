// sched.h: execution scheduling.
//
// Features missing:
// - pid_t, struct sched_param and the scheduling policy functions: there is
//   no global process namespace, and priorities cannot be changed.
#ifndef _SCHED_H_
#define _SCHED_H_

#include <_/cdefs.h>

__BEGIN_DECLS
int sched_yield(void);
__END_DECLS

#endif
