// Namespaces: the program gets no network of its own (injected sockets keep
// working), its own pid, ipc and uts namespaces, and an empty read-only root
// so that absolute paths lead nowhere.
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "runtime/confine/confine_impl.h"
#include "runtime/support/diag.h"
#include "runtime/support/unique_fd.h"

#include <vector>

namespace cloudabi::runtime {

namespace {

bool write_file(const char* path, const std::string& text) {
  UniqueFd fd(open(path, O_WRONLY | O_CLOEXEC));
  return fd.valid() && write(fd.get(), text.data(), text.size()) == static_cast<ssize_t>(text.size());
}

// Replaces the root with an empty read-only tmpfs. Descriptors opened before
// stay usable; nothing can be reached by absolute path any more.
Result<void> empty_root() {
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
    return Error::from_errno("cannot make the mount namespace private");
  const char* dir = "/tmp";
  if (mount("cloudabi-root", dir, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=0755") !=
      0)
    return Error::from_errno("cannot mount the empty root");
  if (mkdir("/tmp/old-root", 0700) != 0) return Error::from_errno("cannot prepare the empty root");
  if (syscall(SYS_pivot_root, dir, "/tmp/old-root") != 0)
    return Error::from_errno("cannot switch to the empty root");
  if (chdir("/") != 0 || umount2("/old-root", MNT_DETACH) != 0 || rmdir("/old-root") != 0)
    return Error::from_errno("cannot detach the old root");
  if (mount(nullptr, "/", nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC,
            nullptr) != 0)
    return Error::from_errno("cannot make the empty root read-only");
  return {};
}

// Closes every descriptor except the given ones.
void close_all_except(std::vector<int> keep) {
  std::sort(keep.begin(), keep.end());
  unsigned lo = 0;
  for (int k : keep) {
    if (static_cast<unsigned>(k) > lo) close_range(lo, static_cast<unsigned>(k) - 1, 0);
    lo = static_cast<unsigned>(k) + 1;
  }
  close_range(lo, ~0u, 0);
}

pid_t g_forward_to = 0;

void forward_signal(int sig) {
  if (g_forward_to > 0) kill(g_forward_to, sig);
}

void forward_termination_signals(pid_t to) {
  g_forward_to = to;
  struct sigaction sa {};
  sa.sa_handler = forward_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2}) sigaction(sig, &sa, nullptr);
}

int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// Ends this process the way `status` says the program ended.
[[noreturn]] void mirror(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, nullptr);
    raise(sig);
  }
  _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 127);
}

}  // namespace

Result<LayerStatus> enter_namespaces(const ConfineOptions& options, int diagnostics_fd) {
  LayerStatus s{"namespaces", false, ""};
  if (!options.namespaces) {
    s.detail = "turned off by the operator";
    return s;
  }
  if (simulated_missing(options, "namespaces")) {
    s.detail = "disabled to simulate a kernel without user namespaces";
    return s;
  }
  uid_t uid = getuid();
  gid_t gid = getgid();
  int flags = CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWNS | CLONE_NEWPID;
  if (unshare(flags) != 0) {
    s.detail = std::string("cannot create namespaces (") + strerror(errno) +
               "); user namespaces may be blocked on this machine (sysctl "
               "kernel.unprivileged_userns_clone, AppArmor, or a container)";
    return s;
  }
  if (!write_file("/proc/self/setgroups", "deny") ||
      !write_file("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1") ||
      !write_file("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1"))
    return Error::from_errno("cannot map the user into its namespace");
  if (Result<void> r = empty_root(); !r) return r.error();

  // The first child is pid 1 of the new namespace. Pid 1 ignores signals it
  // has no handler for, so the program runs in a second child, and pid 1 only
  // waits for it. Both report back to this process, which stays outside and
  // ends the way the program ended.
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0) return Error::from_errno("cannot create a pipe");
  pid_t init = fork();
  if (init < 0) return Error::from_errno("cannot start the sandbox's init process");
  if (init > 0) {
    close(report[1]);
    // Only the diagnostics descriptor stays open here: the program's
    // descriptors must close when the program closes them.
    close_all_except({report[0], diagnostics_fd});
    forward_termination_signals(init);
    wait_for(init);
    int status;
    if (read(report[0], &status, sizeof(status)) != sizeof(status)) {
      diag("the sandbox ended before the program could start");
      _exit(127);
    }
    mirror(status);
  }
  close(report[0]);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  pid_t program = fork();
  if (program < 0) {
    diag("cannot start the program in its pid namespace: %s", strerror(errno));
    _exit(127);
  }
  if (program > 0) {
    close_all_except({report[1], diagnostics_fd});
    forward_termination_signals(program);
    int status = wait_for(program);
    // Orphans the program left behind end with the namespace.
    if (write(report[1], &status, sizeof(status)) != sizeof(status)) _exit(127);
    _exit(0);
  }
  close(report[1]);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  s.active = true;
  s.detail = "user, network (no interfaces), pid, ipc, uts and mount (empty read-only root)";
  return s;
}

bool simulated_missing(const ConfineOptions& options, const std::string& layer) {
  for (const std::string& m : options.simulate_missing)
    if (m == layer) return true;
  return false;
}

}  // namespace cloudabi::runtime
