// sys/time.h: time types.
//
// Extensions:
// - gettimeofday()'s second argument may be omitted.
//
// Features missing:
// - utimes(): it needs a global file system namespace. Use utimensat() or
//   futimens().
// - getitimer(), setitimer(): there are no signal handlers.
#ifndef _SYS_TIME_H_
#define _SYS_TIME_H_

#include <_/cdefs.h>
#include <_/types.h>
#include <sys/select.h>

__BEGIN_DECLS
int gettimeofday(struct timeval *__restrict, ...);
__END_DECLS

#endif
