// The proc_* system calls. Process descriptors and lifelines live in
// runtime/proc/process.cc, the re-execution behind proc_exec in
// runtime/proc/reexec.cc.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "runtime/fd/fd_table.h"
#include "runtime/loader/elf_image.h"
#include "runtime/proc/process.h"
#include "runtime/proc/reexec.h"
#include "runtime/support/diag.h"
#include "runtime/support/errno.h"
#include "syscalls.h"

using cloudabi::runtime::fd_table;
using cloudabi::runtime::FdEntry;

namespace {

// FreeBSD bounds proc_exec's argument data by ARG_MAX (E2BIG); this is its
// value on amd64.
constexpr size_t kMaxExecData = 2 * 256 * 1024;

// proc_exec's descriptor list may not exceed the descriptor table (Linux patch:
// EINVAL), less room for the runtime's own descriptors.
size_t max_exec_fds() {
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return 1 << 20;
  return rl.rlim_cur > 64 ? static_cast<size_t>(rl.rlim_cur) - 32 : 32;
}

void make_inheritable(int fd) {
  if (fd >= 0) fcntl(fd, F_SETFD, 0);
}

}  // namespace

extern "C" cloudabi_errno_t cloudabi_rt_proc_exec(cloudabi_fd_t fd, const void* data,
                                                  size_t data_len, const cloudabi_fd_t* fds,
                                                  size_t fds_len) {
  using namespace cloudabi::runtime;
  // The order of checks follows FreeBSD: argument data, descriptor list,
  // then the executable.
  if (data_len > kMaxExecData) return CLOUDABI_E2BIG;
  if (fds_len > max_exec_fds()) return CLOUDABI_EINVAL;
  std::vector<cloudabi_fd_t> new_fds(fds, fds + fds_len);

  // Nothing may change the descriptors between these checks and the exec:
  // the table, the registry of children and the lifecycle lock stay held
  // until the image is gone (or the call fails).
  std::unique_lock lifecycle(descriptor_lifecycle_mutex());
  std::unique_lock registry = lock_process_registry();
  std::unique_lock table = fd_table().lock_exclusively();

  ExecState state;
  std::vector<int> kept_processes;
  std::vector<int> lifelines_passed;
  for (cloudabi_fd_t f : new_fds) {
    ExecDescriptor d;
    if (fd_table().get_locked(f, 0, 0, &d.entry, "proc_exec") != 0) return CLOUDABI_EBADF;
    d.fd = static_cast<int>(f);
    std::string origin = fd_table().origin_locked(d.fd);
    d.origin = "proc_exec of descriptor " + std::to_string(f) +
               (origin.empty() ? "" : " (" + origin + ")");
    if (d.entry.type == CLOUDABI_FILETYPE_PROCESS) {
      kept_processes.push_back(d.fd);
      ChildLink link;
      // Duplicates of one child's descriptor hand its lifeline on once.
      if (child_link_locked(d.fd, &link) &&
          std::find(lifelines_passed.begin(), lifelines_passed.end(), link.lifeline) ==
              lifelines_passed.end()) {
        d.child = link;
        lifelines_passed.push_back(link.lifeline);
      }
    }
    state.fds.push_back(std::move(d));
  }
  FdEntry exe;
  if (cloudabi_errno_t error =
          fd_table().get_locked(fd, CLOUDABI_RIGHT_PROC_EXEC, 0, &exe, "proc_exec"))
    return error;

  // Load the executable once here, so that everything that can be wrong with
  // it is reported to the caller rather than ending the process later.
  {
    cloudabi::Result<cloudabi::loader::Image> image =
        cloudabi::loader::load_executable(static_cast<int>(fd));
    if (!image) {
      if (tracing()) diag("proc_exec: descriptor %u: %s", fd, image.error().message.c_str());
      int e = image.error().sys_errno;
      return e == 0 || e == ENOEXEC ? CLOUDABI_ENOEXEC : translate_errno(e);
    }
    cloudabi::loader::unload(*image);
  }

  const ExecSettings& settings = exec_settings();
  if (settings.runtime_fd < 0) {
    diag(
        "proc_exec: unavailable: the runtime found no executable of itself to re-execute at "
        "start-up");
    return CLOUDABI_ENOSYS;
  }
  if (settings.runtime_is_dynamic &&
      (settings.namespaces_active || settings.confine.landlock || settings.confine.seccomp)) {
    diag(
        "proc_exec: unavailable in the sandbox: the runtime executable it would re-execute is "
        "dynamically linked (a sanitizer build?) and cannot load its libraries there");
    return CLOUDABI_ENOSYS;
  }
  state.executable_fd = static_cast<int>(fd);
  state.diagnostics_fd = diagnostics_fd();
  state.runtime_fd = settings.runtime_fd;
  state.lifeline_in = lifeline_in_locked();
  state.trace = tracing();
  state.namespaces_active = settings.namespaces_active;
  state.landlock = settings.confine.landlock;
  state.seccomp = settings.confine.seccomp;
  state.require_full = settings.confine.require_full;
  state.simulate_missing = settings.confine.simulate_missing;
  cloudabi::Result<int> state_fd = write_exec_state(state, data, data_len);
  if (!state_fd) return translate_errno(state_fd.error().sys_errno);

  // The point of no return: from here on a failure ends the process, which
  // must never go on half-replaced. Children whose descriptors are not passed
  // on lose them now, which ends them.
  end_children_except_locked(kept_processes);
  for (const ExecDescriptor& d : state.fds) {
    make_inheritable(d.fd);
    make_inheritable(d.child.lifeline);
  }
  make_inheritable(state.executable_fd);
  make_inheritable(state.diagnostics_fd);
  make_inheritable(state.runtime_fd);
  make_inheritable(state.lifeline_in);
  reexec_runtime(state.runtime_fd, *state_fd);
  diag("proc_exec: cannot re-execute the runtime: %s", strerror(errno));
  _exit(127);
}

extern "C" void cloudabi_rt_proc_exit(cloudabi_exitcode_t rval) {
  // The whole process ends, all threads with it. CloudABI exit codes are 32
  // bits; Linux keeps the low 8.
  _exit(static_cast<int>(rval));
}

extern "C" cloudabi_errno_t cloudabi_rt_proc_fork(cloudabi_fd_t* fd, cloudabi_tid_t* tid) {
  return cloudabi::runtime::fork_process(fd, tid);
}

extern "C" cloudabi_errno_t cloudabi_rt_proc_raise(cloudabi_signal_t sig) {
  using cloudabi::runtime::DefaultAction;
  int linux_sig = cloudabi::runtime::linux_signal(sig);
  if (linux_sig == 0) return CLOUDABI_EINVAL;
  DefaultAction action = cloudabi::runtime::default_action(sig);
  // Signals whose default action is to be ignored (SIGPIPE among them) have
  // no effect at all; do not let a handler of the runtime see them.
  if (action == DefaultAction::kIgnore) return 0;
  if (action == DefaultAction::kTerminate && linux_sig != SIGKILL) {
    // CloudABI programs cannot install handlers, so the default action
    // applies even where the runtime handles the signal itself (SIGSYS for
    // the sandbox's messages). The process is about to end anyway.
    struct sigaction sa {};
    if (sigaction(linux_sig, nullptr, &sa) == 0 && sa.sa_handler != SIG_DFL) {
      sa = {};
      sa.sa_handler = SIG_DFL;
      sigemptyset(&sa.sa_mask);
      sigaction(linux_sig, &sa, nullptr);
    }
  }
  // Deliver it to this thread, unblocked, so it acts before the call returns.
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, linux_sig);
  pthread_sigmask(SIG_UNBLOCK, &set, &old);
  long r = syscall(SYS_tgkill, getpid(), gettid(), linux_sig);
  int saved = errno;
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  if (r != 0) return cloudabi::runtime::translate_errno(saved);
  return 0;
}
