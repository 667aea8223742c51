// Waits for a child process to end, or with WNOHANG looks whether it has.
// Like the pthread functions it returns an error number (as cloudlibc does).
#include <cloudabi_syscalls.h>
#include <errno.h>
#include <signal.h>
#include <sys/procdesc.h>

int pdwait(int fd, siginfo_t *infop, int options) {
  if ((options & ~WNOHANG) != 0) return EINVAL;
  cloudabi_subscription_t subs[2] = {
      {.type = CLOUDABI_EVENTTYPE_PROC_TERMINATE, .proc_terminate = {.fd = (cloudabi_fd_t)fd}},
      // A clock that has already expired: poll returns at once.
      {.userdata = 1,
       .type = CLOUDABI_EVENTTYPE_CLOCK,
       .clock = {.clock_id = CLOUDABI_CLOCK_MONOTONIC, .timeout = 0}},
  };
  cloudabi_event_t events[2];
  size_t n;
  cloudabi_errno_t error = cloudabi_sys_poll(subs, events, (options & WNOHANG) != 0 ? 2 : 1, &n);
  if (error != 0) return error;
  for (size_t i = 0; i < n; ++i) {
    const cloudabi_event_t *ev = &events[i];
    if (ev->type != CLOUDABI_EVENTTYPE_PROC_TERMINATE) continue;
    if (ev->error != 0) return ev->error;
    if (ev->proc_terminate.signal != 0) {
      *infop = (siginfo_t){
          .si_signo = SIGCHLD, .si_code = CLD_KILLED, .si_status = ev->proc_terminate.signal};
    } else {
      *infop = (siginfo_t){.si_signo = SIGCHLD,
                           .si_code = CLD_EXITED,
                           .si_status = (int)ev->proc_terminate.exitcode};
    }
    return 0;
  }
  // WNOHANG, and the child still runs.
  *infop = (siginfo_t){0};
  return 0;
}
