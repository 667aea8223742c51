#include <cloudabi_syscalls.h>
#include <locale.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

int raise(int sig) {
  cloudabi_errno_t error = cloudabi_sys_proc_raise((cloudabi_signal_t)sig);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}

static int valid(int sig) {
  if (sig <= 0 || sig >= NSIG) {
    errno = EINVAL;
    return 0;
  }
  return 1;
}

int sigemptyset(sigset_t *set) {
  *set = 0;
  return 0;
}

int sigfillset(sigset_t *set) {
  *set = ((sigset_t)1 << NSIG) - 2;
  return 0;
}

int sigaddset(sigset_t *set, int sig) {
  if (!valid(sig)) return -1;
  *set |= (sigset_t)1 << sig;
  return 0;
}

int sigdelset(sigset_t *set, int sig) {
  if (!valid(sig)) return -1;
  *set &= ~((sigset_t)1 << sig);
  return 0;
}

int sigismember(const sigset_t *set, int sig) {
  if (!valid(sig)) return -1;
  return (*set >> sig) & 1;
}

void psiginfo(const siginfo_t *info, const char *s) { psignal(info->si_signo, s); }

void psiginfo_l(const siginfo_t *info, const char *s, locale_t locale) {
  psignal_l(info->si_signo, s, locale);
}

void psignal_l(int sig, const char *s, locale_t locale) {
  (void)locale;  // Messages are not translated.
  psignal(sig, s);
}

void psignal(int sig, const char *s) {
  if (s != NULL && *s != '\0')
    fprintf(stderr, "%s: %s\n", s, strsignal(sig));
  else
    fprintf(stderr, "%s\n", strsignal(sig));
}
