#include <cloudabi_types.h>
#include <string.h>

// Descriptions of the CloudABI signal numbers.
static const char *const descriptions[] = {
    [CLOUDABI_SIGABRT] = "Process abort signal",
    [CLOUDABI_SIGALRM] = "Alarm clock",
    [CLOUDABI_SIGBUS] = "Access to an undefined portion of a memory object",
    [CLOUDABI_SIGCHLD] = "Child process terminated, stopped, or continued",
    [CLOUDABI_SIGCONT] = "Continue executing, if stopped",
    [CLOUDABI_SIGFPE] = "Erroneous arithmetic operation",
    [CLOUDABI_SIGHUP] = "Hangup",
    [CLOUDABI_SIGILL] = "Illegal instruction",
    [CLOUDABI_SIGINT] = "Terminal interrupt signal",
    [CLOUDABI_SIGKILL] = "Kill",
    [CLOUDABI_SIGPIPE] = "Write on a pipe with no one to read it",
    [CLOUDABI_SIGQUIT] = "Terminal quit signal",
    [CLOUDABI_SIGSEGV] = "Invalid memory reference",
    [CLOUDABI_SIGSTOP] = "Stop executing",
    [CLOUDABI_SIGSYS] = "Bad system call",
    [CLOUDABI_SIGTERM] = "Termination signal",
    [CLOUDABI_SIGTRAP] = "Trace/breakpoint trap",
    [CLOUDABI_SIGTSTP] = "Terminal stop signal",
    [CLOUDABI_SIGTTIN] = "Background process attempting read",
    [CLOUDABI_SIGTTOU] = "Background process attempting write",
    [CLOUDABI_SIGURG] = "High bandwidth data is available at a socket",
    [CLOUDABI_SIGUSR1] = "User-defined signal 1",
    [CLOUDABI_SIGUSR2] = "User-defined signal 2",
    [CLOUDABI_SIGVTALRM] = "Virtual timer expired",
    [CLOUDABI_SIGXCPU] = "CPU time limit exceeded",
    [CLOUDABI_SIGXFSZ] = "File size limit exceeded",
};

char *strsignal(int signum) {
  if (signum > 0 && (size_t)signum < sizeof(descriptions) / sizeof(descriptions[0]) &&
      descriptions[signum] != NULL)
    return (char *)descriptions[signum];
  return (char *)"Unknown signal";
}

char *strsignal_l(int signum, locale_t locale) {
  (void)locale;
  return strsignal(signum);
}
