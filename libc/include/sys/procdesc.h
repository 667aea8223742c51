// sys/procdesc.h: process descriptors.
//
// A child process is known by a file descriptor, not by a process ID: it is
// created with pdfork(), waited for with pdwait(), and killed when the last
// descriptor of it is closed.
//
// Extensions:
// - pdfork() takes no flags; any arguments after the first are ignored.
// - pdwait(): like waitid() for one descriptor. It returns an error number
//   instead of setting errno.
//
// Features missing:
// - PD_DAEMON: a child cannot outlive its descriptors.
// - pdgetpid(): there are no process IDs.
// - pdkill(): signals cannot be sent to other processes.
#ifndef _SYS_PROCDESC_H_
#define _SYS_PROCDESC_H_

#include <_/cdefs.h>
#include <_/types.h>

// pdwait(): return at once if the child still runs.
#define WNOHANG 0x1

#ifndef _SIGINFO_T_DECLARED
typedef struct __siginfo siginfo_t;
#define _SIGINFO_T_DECLARED
#endif

__BEGIN_DECLS
int pdfork(int *, ...);
int pdwait(int, siginfo_t *, int);
__END_DECLS

#endif
