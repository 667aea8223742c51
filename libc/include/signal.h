// signal.h: signals.
//
// Programs can raise signals to terminate themselves, and describe them.
//
// Features missing:
// - signal(), sigaction(), sigprocmask(), sigsuspend(), sigwait(), sigpending()
//   and the rest of signal handling, sig_atomic_t, SIG_DFL, SIG_IGN: there are
//   no signal handlers.
// - kill(), killpg(), pid_t: there is no global process namespace.
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <_/cdefs.h>
#include <_/types.h>

typedef __uint32_t sigset_t;

// The values of CloudABI's signals.
#define SIGABRT 1
#define SIGALRM 2
#define SIGBUS 3
#define SIGCHLD 4
#define SIGCONT 5
#define SIGFPE 6
#define SIGHUP 7
#define SIGILL 8
#define SIGINT 9
#define SIGKILL 10
#define SIGPIPE 11
#define SIGQUIT 12
#define SIGSEGV 13
#define SIGSTOP 14
#define SIGSYS 15
#define SIGTERM 16
#define SIGTRAP 17
#define SIGTSTP 18
#define SIGTTIN 19
#define SIGTTOU 20
#define SIGURG 21
#define SIGUSR1 22
#define SIGUSR2 23
#define SIGVTALRM 24
#define SIGXCPU 25
#define SIGXFSZ 26
#define NSIG 27

// How a child process ended (pdwait()).
#define CLD_KILLED 1
#define CLD_EXITED 2

#ifndef _SIGINFO_T_DECLARED
typedef struct __siginfo siginfo_t;
#define _SIGINFO_T_DECLARED
#endif

__BEGIN_DECLS
void psiginfo(const siginfo_t *, const char *);
void psiginfo_l(const siginfo_t *, const char *, __locale_t);
void psignal(int, const char *);
void psignal_l(int, const char *, __locale_t);
int raise(int);
int sigaddset(sigset_t *, int);
int sigdelset(sigset_t *, int);
int sigemptyset(sigset_t *);
int sigfillset(sigset_t *);
int sigismember(const sigset_t *, int);
__END_DECLS

#endif
