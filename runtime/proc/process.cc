#include "runtime/proc/process.h"

#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cloudabi::runtime {

void close_process_descriptor(int fd) {
  syscall(SYS_pidfd_send_signal, fd, SIGKILL, nullptr, 0);
  close(fd);
}

bool process_terminated(int fd, cloudabi_signal_t* signal, cloudabi_exitcode_t* exitcode) {
  siginfo_t info{};
  if (waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(fd), &info,
             WEXITED | WNOHANG | WNOWAIT) != 0 ||
      info.si_pid == 0)
    return false;
  if (info.si_code == CLD_EXITED) {
    *signal = 0;
    *exitcode = static_cast<cloudabi_exitcode_t>(info.si_status);
  } else {
    *signal = CLOUDABI_SIGKILL;  // refined to the exact signal by proc.cc's mapping
    *exitcode = 0;
  }
  return true;
}

}  // namespace cloudabi::runtime
