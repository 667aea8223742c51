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
#include <optional>

#include "runtime/confine/confine_impl.h"
#include "runtime/confine/landlock_abi.h"
#include "runtime/support/diag.h"
#include "runtime/support/unique_fd.h"

#include <vector>

namespace cloudabi::runtime {

namespace {

bool write_file(const char* path, const std::string& text) {
  UniqueFd fd(open(path, O_WRONLY | O_CLOEXEC));
  return fd.valid() &&
         write(fd.get(), text.data(), text.size()) == static_cast<ssize_t>(text.size());
}

constexpr uint64_t kReadOnlyAccess =
    landlock::kFsExecute | landlock::kFsReadFile | landlock::kFsReadDir;

// Whether the directory grant gives no way to change anything beneath it
// (the Landlock rights it would get include no write of any kind).
bool read_only(const DirectoryGrant& d) {
  return (landlock_access_for(d.base, d.inheriting) & ~kReadOnlyAccess) == 0;
}

// Replaces `fd` by a descriptor of the root of `tree` with the same flags.
std::string reopen_on(int tree, int fd) {
  int status = fcntl(fd, F_GETFL);
  int fd_flags = fcntl(fd, F_GETFD);
  if (status < 0 || fd_flags < 0) return std::string("fcntl: ") + strerror(errno);
  int mode = (status & O_PATH) != 0 ? O_PATH : O_RDONLY;
  UniqueFd inside(openat(tree, ".", mode | O_DIRECTORY | O_CLOEXEC));
  if (!inside.valid()) return std::string("cannot open the clone: ") + strerror(errno);
  if ((status & O_NONBLOCK) != 0 && fcntl(inside.get(), F_SETFL, O_NONBLOCK) != 0)
    return std::string("fcntl: ") + strerror(errno);
  if (dup3(inside.get(), fd, (fd_flags & FD_CLOEXEC) != 0 ? O_CLOEXEC : 0) < 0)
    return std::string("dup3: ") + strerror(errno);
  return "";
}

// Puts the descriptors `fds` of the directory at `path` on one detached
// clone of its mount, read-only if asked. Returns an empty string, or why
// not (then some of `fds` may be unchanged).
std::string isolate_directory(const std::vector<int>& fds, const std::string& path,
                              bool make_read_only) {
  struct stat want, got;
  if (fstat(fds[0], &want) != 0) return std::string("fstat: ") + strerror(errno);
  // The descriptor's mount belongs to the namespace this process came from,
  // which open_tree cannot clone: the same directory is looked up again here.
  UniqueFd here(open(path.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (!here.valid()) return "cannot find " + path + " again: " + strerror(errno);
  if (fstat(here.get(), &got) != 0 || got.st_dev != want.st_dev || got.st_ino != want.st_ino)
    return path + " is no longer the granted directory";
  // Recursive: mounts beneath the directory stay visible (and the kernel
  // refuses to clone a mount without the ones locked on top of it).
  UniqueFd tree(static_cast<int>(
      syscall(SYS_open_tree, here.get(), "",
              OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | AT_RECURSIVE)));
  if (!tree.valid()) return std::string("open_tree: ") + strerror(errno);
  if (make_read_only) {
    struct mount_attr attr {};
    attr.attr_set = MOUNT_ATTR_RDONLY;
    if (syscall(SYS_mount_setattr, tree.get(), "", AT_EMPTY_PATH | AT_RECURSIVE, &attr,
                sizeof(attr)) != 0)
      return std::string("mount_setattr: ") + strerror(errno);
  }
  // The clone's anonymous namespace dissolves when `tree` closes; its mounts
  // stay connected and usable through the new descriptors, and `..` of its
  // root leads back to that root.
  for (int fd : fds)
    if (std::string why = reopen_on(tree.get(), fd); !why.empty()) return why;
  return "";
}

// Moves every granted directory onto a detached clone of its mount, so that
// `..` of the descriptor stays at the directory: without this, it climbs
// into the old root tree, where Landlock refuses opens but not stat,
// readlink or utimensat. A clone of a read-only grant is mounted read-only,
// which refuses utimensat there too. Grants of the same directory share a
// clone (renames between them keep working). Must run in the new mount
// namespace while /proc is still reachable. Says what it achieved.
std::string isolate_directories(const std::vector<DirectoryGrant>& dirs, bool* complete) {
  *complete = true;
  std::string failures;
  std::vector<bool> done(dirs.size(), false);
  for (size_t i = 0; i < dirs.size(); ++i) {
    if (done[i]) continue;
    struct stat a;
    if (fstat(dirs[i].fd, &a) != 0) continue;
    // Every grant of this same directory.
    std::vector<int> same;
    bool all_read_only = true;
    for (size_t j = i; j < dirs.size(); ++j) {
      struct stat b;
      if (done[j] || fstat(dirs[j].fd, &b) != 0 || b.st_dev != a.st_dev || b.st_ino != a.st_ino)
        continue;
      done[j] = true;
      same.push_back(dirs[j].fd);
      all_read_only = all_read_only && read_only(dirs[j]);
    }
    char path[4096];
    std::string link = "/proc/self/fd/" + std::to_string(dirs[i].fd);
    ssize_t len = readlink(link.c_str(), path, sizeof(path) - 1);
    std::string why = len <= 0 ? std::string("cannot tell its path: ") + strerror(errno)
                               : isolate_directory(same, std::string(path, len), all_read_only);
    if (!why.empty()) {
      *complete = false;
      failures += (failures.empty() ? "" : "; ") + std::string("descriptor ") +
                  std::to_string(dirs[i].fd) + ": " + why;
    }
  }
  if (*complete)
    return "granted directories on detached mounts (`..` stays inside; read-only grants "
           "mounted read-only)";
  return "not every granted directory could be put on a detached mount, so metadata calls "
         "(stat, readlink, utimensat) can reach the host through `..` of: " +
         failures;
}

// Replaces the root with an empty read-only tmpfs. Descriptors opened before
// stay usable; nothing can be reached by absolute path any more.
Result<void> empty_root(const std::vector<DirectoryGrant>& dirs, std::string* isolation,
                        bool* isolated) {
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
    return Error::from_errno("cannot make the mount namespace private");
  *isolation = isolate_directories(dirs, isolated);
  const char* dir = "/tmp";
  if (mount("cloudabi-root", dir, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=0755") !=
      0)
    return Error::from_errno("cannot mount the empty root");
  if (mkdir("/tmp/old-root", 0700) != 0) return Error::from_errno("cannot prepare the empty root");
  if (syscall(SYS_pivot_root, dir, "/tmp/old-root") != 0)
    return Error::from_errno("cannot switch to the empty root");
  if (chdir("/") != 0 || umount2("/old-root", MNT_DETACH) != 0 || rmdir("/old-root") != 0)
    return Error::from_errno("cannot detach the old root");
  if (mount(nullptr, "/", nullptr,
            MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
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

Result<LayerStatus> enter_namespaces(const ConfineOptions& options, int diagnostics_fd,
                                     const std::vector<DirectoryGrant>& dirs) {
  LayerStatus s{"namespaces", false, ""};
  if (!options.namespaces || simulated_missing(options, "namespaces")) {
    s.detail = !options.namespaces ? "turned off by the operator"
                                   : "disabled to simulate a kernel without user namespaces";
    if (pids_cgroup_needed(options.limits))
      diag(
          "warning: processes limit not enforced for real root: its pids cgroup needs the "
          "sandbox's own supervisor, which needs namespaces");
    return s;
  }
  uid_t uid = getuid();
  gid_t gid = getgid();
  // Real root is exempt from RLIMIT_NPROC: a pids cgroup bounds the program
  // instead. It is created here, outside the sandbox, and this process (which
  // stays outside as the supervisor) removes it when the sandbox has ended.
  std::optional<PidsCgroup> pids;
  std::string pids_note;
  if (pids_cgroup_needed(options.limits)) {
    std::string why;
    pids = create_pids_cgroup(*options.limits.processes, &why);
    if (pids) {
      pids_note = "; processes limited to " + std::to_string(*options.limits.processes) +
                  " by a pids cgroup (real root is exempt from RLIMIT_NPROC)";
    } else {
      std::string what =
          "processes limit not enforced for real root: no writable pids cgroup (" + why + ")";
      if (options.require_full) return Error{"full confinement was required, but the " + what};
      diag("warning: %s", what.c_str());
    }
  }
  int flags =
      CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWNS | CLONE_NEWPID;
  if (unshare(flags) != 0) {
    if (pids) {
      remove_pids_cgroup(*pids);
      diag(
          "warning: processes limit not enforced for real root: a pids cgroup needs the "
          "sandbox's own supervisor, which needs namespaces");
    }
    s.detail = std::string("cannot create namespaces (") + strerror(errno) +
               "); user namespaces may be blocked on this machine (sysctl "
               "kernel.unprivileged_userns_clone, AppArmor, or a container)";
    return s;
  }
  if (!write_file("/proc/self/setgroups", "deny") ||
      !write_file("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1") ||
      !write_file("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1")) {
    Error e = Error::from_errno("cannot map the user into its namespace");
    if (pids) remove_pids_cgroup(*pids);
    return e;
  }
  std::string isolation;
  bool isolated = false;
  if (Result<void> r = empty_root(dirs, &isolation, &isolated); !r) {
    if (pids) remove_pids_cgroup(*pids);
    return r.error();
  }
  if (!isolated) diag("warning: namespaces weakened: %s", isolation.c_str());

  // The first child is pid 1 of the new namespace. Pid 1 ignores signals it
  // has no handler for, so the program runs in a second child, and pid 1 only
  // waits for it. Both report back to this process, which stays outside and
  // ends the way the program ended.
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0) {
    Error e = Error::from_errno("cannot create a pipe");
    if (pids) remove_pids_cgroup(*pids);
    return e;
  }
  pid_t init = fork();
  if (init < 0) {
    Error e = Error::from_errno("cannot start the sandbox's init process");
    if (pids) remove_pids_cgroup(*pids);
    return e;
  }
  if (init > 0) {
    close(report[1]);
    // Only the diagnostics descriptor (and the pids cgroup's parent
    // directory, to remove the cgroup) stays open here: the program's
    // descriptors must close when the program closes them.
    std::vector<int> keep = {report[0], diagnostics_fd};
    if (pids) {
      close(pids->procs_fd);
      pids->procs_fd = -1;
      keep.push_back(pids->parent_fd);
    }
    close_all_except(keep);
    forward_termination_signals(init);
    wait_for(init);
    // The pid namespace ended with its init: the cgroup is empty.
    if (pids) remove_pids_cgroup(*pids);
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
    // Pid 1 stays outside the cgroup (it only waits).
    close_all_except({report[1], diagnostics_fd});
    forward_termination_signals(program);
    int status = wait_for(program);
    // Orphans the program left behind end with the namespace.
    if (write(report[1], &status, sizeof(status)) != sizeof(status)) _exit(127);
    _exit(0);
  }
  close(report[1]);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  // Into the pids cgroup before any guest instruction; its descendants
  // inherit it.
  if (pids && !join_pids_cgroup(*pids)) {
    diag("cannot move the program into its pids cgroup: %s", strerror(errno));
    _exit(127);
  }
  s.active = true;
  s.detail = "user, network (no interfaces), pid, ipc, uts and mount (empty read-only root); " +
             isolation + pids_note;
  return s;
}

std::string probe_directory_isolation() {
  // With a bad descriptor, a kernel that has the call says EBADF or EINVAL.
  bool open_tree = syscall(SYS_open_tree, -1, "", 0) == 0 || errno != ENOSYS;
  bool setattr = syscall(SYS_mount_setattr, -1, "", 0, nullptr, 0) == 0 || errno != ENOSYS;
  if (open_tree && setattr)
    return "granted directories on detached mounts (`..` stays inside; read-only grants mounted "
           "read-only)";
  return std::string("granted directories stay on their mounts: this kernel lacks ") +
         (open_tree ? "mount_setattr (Linux 5.12+), so read-only grants are not mounted read-only"
                    : "open_tree (Linux 5.2+), so stat, readlink and utimensat reach the host "
                      "through `..` of a granted directory");
}

bool simulated_missing(const ConfineOptions& options, const std::string& layer) {
  for (const std::string& m : options.simulate_missing)
    if (m == layer) return true;
  return false;
}

}  // namespace cloudabi::runtime
