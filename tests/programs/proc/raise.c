// proc_raise in this process: invalid signals, and signals whose default
// action leaves the process running. (Signals that end or stop a process are
// tested on forked children in proc/fork.c.)
#include "harness.h"

TEST(unknown_signals_are_einval) {
  CHECK_ERRNO(cloudabi_sys_proc_raise(0), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_proc_raise(27), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_proc_raise(64), CLOUDABI_EINVAL);
  CHECK_ERRNO(cloudabi_sys_proc_raise(255), CLOUDABI_EINVAL);
}

TEST(ignored_signals_have_no_effect) {
  // SIGPIPE is ignored in CloudABI (there are no handlers to catch it).
  CHECK_OK(cloudabi_sys_proc_raise(CLOUDABI_SIGPIPE));
  CHECK_OK(cloudabi_sys_proc_raise(CLOUDABI_SIGCHLD));
  CHECK_OK(cloudabi_sys_proc_raise(CLOUDABI_SIGURG));
  for (int i = 0; i < 100; ++i) CHECK_OK(cloudabi_sys_proc_raise(CLOUDABI_SIGPIPE));
}

TEST(sigcont_continues_a_running_process) { CHECK_OK(cloudabi_sys_proc_raise(CLOUDABI_SIGCONT)); }
