#include "runtime/proc/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include "runtime/fd/fd_table.h"
#include "runtime/support/diag.h"
#include "runtime/support/errno.h"
#include "runtime/sys/thread.h"

namespace cloudabi::runtime {

namespace {

constexpr decltype(statfs::f_type) kPidfsMagic = 0x50494446;  // PID_FS_MAGIC

// The rights of a new process descriptor: what FreeBSD's CAP_FSTAT|CAP_EVENT
// read back as after filtering by type.
constexpr cloudabi_rights_t kProcessDescriptorRights =
    CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_POLL_PROC_TERMINATE;

struct Child {
  uint64_t identity;
  pid_t pid;
  int lifeline;  // write end; closing the last copy kills the child
};

// Guarded by registry_mutex().
std::vector<Child> g_children;
int g_lifeline_in = -1;

std::mutex& registry_mutex() {
  static std::mutex mutex;
  return mutex;
}

// What a pidfd refers to: the pidfs inode (unique per process, Linux 6.9+),
// or on older kernels the pid from /proc/self/fdinfo (flagged in the top bit
// so the two kinds never compare equal).
bool process_identity(int fd, uint64_t* identity) {
  struct statfs fs;
  struct stat st;
  if (fstatfs(fd, &fs) == 0 && fs.f_type == kPidfsMagic && fstat(fd, &st) == 0) {
    *identity = static_cast<uint64_t>(st.st_ino);
    return true;
  }
  char path[64];
  snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
  FILE* f = fopen(path, "re");
  if (f == nullptr) return false;
  char line[256];
  bool found = false;
  while (fgets(line, sizeof(line), f) != nullptr) {
    long pid;
    if (sscanf(line, "Pid: %ld", &pid) == 1 && pid > 0) {
      *identity = (uint64_t{1} << 63) | static_cast<uint64_t>(pid);
      found = true;
      break;
    }
  }
  fclose(f);
  return found;
}

// Whether a descriptor in the table other than `except` refers to the process
// with this identity; its number in *fd. `table_locked`: the caller holds the
// table's lock_exclusively().
bool table_refers_to(uint64_t identity, int except, int* fd, bool table_locked = false) {
  FdTable& table = fd_table();
  for (int other : table_locked ? table.descriptors_locked() : table.descriptors()) {
    if (other == except) continue;
    FdEntry e;
    uint64_t id;
    cloudabi_errno_t error = table_locked
                                 ? table.get_locked(static_cast<uint32_t>(other), 0, 0, &e, nullptr)
                                 : table.get(static_cast<uint32_t>(other), &e);
    if (error == 0 && e.type == CLOUDABI_FILETYPE_PROCESS && process_identity(other, &id) &&
        id == identity) {
      if (fd != nullptr) *fd = other;
      return true;
    }
  }
  return false;
}

std::vector<Child>::iterator find_child(uint64_t identity) {
  return std::find_if(g_children.begin(), g_children.end(),
                      [&](const Child& c) { return c.identity == identity; });
}

// Kills a child and waits for it to end, so that it does not linger as a
// zombie. `pidfd` may be -1 if no descriptor for it is at hand. The kill is
// the lifeline's: this process holds its only write end, so closing it has
// the kernel send the child SIGKILL. (No pidfd_send_signal: the sandbox only
// allows that where signals are scoped to it.)
void end_child(const Child& child, int pidfd) {
  if (child.lifeline >= 0) {
    close(child.lifeline);
  } else if (pidfd >= 0) {
    syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, nullptr, 0);
  }
  siginfo_t info;
  int r;
  do {
    if (pidfd >= 0) {
      r = waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(pidfd), &info, WEXITED);
    } else if (child.pid > 0) {
      r = waitid(P_PID, static_cast<id_t>(child.pid), &info, WEXITED);
    } else {
      r = 0;
    }
  } while (r != 0 && errno == EINTR);
}

// In a new child, right after fork(): everything tying other processes to the
// parent belongs to the parent; the child's own lifeline is armed.
void become_child(int lifeline_read, int lifeline_write) {
  close(lifeline_write);
  for (const Child& c : g_children) close(c.lifeline);
  g_children.clear();
  if (g_lifeline_in >= 0) close(g_lifeline_in);
  g_lifeline_in = lifeline_read;
  fcntl(lifeline_read, F_SETOWN, getpid());
  fcntl(lifeline_read, F_SETSIG, SIGKILL);
  int flags = fcntl(lifeline_read, F_GETFL);
  fcntl(lifeline_read, F_SETFL, flags | O_ASYNC);
  // The parent may have ended before the lifeline was armed.
  pollfd p{lifeline_read, 0, 0};
  if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR)) != 0) _exit(128 + SIGKILL);
}

}  // namespace

void close_process_descriptor(int fd) {
  std::lock_guard lock(registry_mutex());
  uint64_t identity;
  if (process_identity(fd, &identity)) {
    auto it = find_child(identity);
    if (it != g_children.end() && !table_refers_to(identity, fd, nullptr)) {
      end_child(*it, fd);
      g_children.erase(it);
    }
  }
  close(fd);
}

bool process_terminated(int fd, cloudabi_signal_t* signal, cloudabi_exitcode_t* exitcode) {
  siginfo_t info{};
  if (waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(fd), &info,
             WEXITED | WNOHANG | WNOWAIT) != 0) {
    if (errno != ECHILD) return false;
    // Not this process's child: a pidfd becomes readable when its process
    // has ended, but only the parent learns how.
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 0) != 1 || (p.revents & (POLLIN | POLLHUP)) == 0) return false;
    *signal = CLOUDABI_SIGKILL;
    *exitcode = 0;
    return true;
  }
  if (info.si_pid == 0) return false;
  if (info.si_code == CLD_EXITED) {
    *signal = 0;
    *exitcode = static_cast<cloudabi_exitcode_t>(info.si_status);
  } else {
    *signal = cloudabi_signal(info.si_status);
    *exitcode = 0;
  }
  return true;
}

namespace {

struct SignalInfo {
  cloudabi_signal_t cloudabi;
  int linux_sig;
  DefaultAction action;
};

constexpr SignalInfo kSignals[] = {
    {CLOUDABI_SIGABRT, SIGABRT, DefaultAction::kTerminate},
    {CLOUDABI_SIGALRM, SIGALRM, DefaultAction::kTerminate},
    {CLOUDABI_SIGBUS, SIGBUS, DefaultAction::kTerminate},
    {CLOUDABI_SIGCHLD, SIGCHLD, DefaultAction::kIgnore},
    {CLOUDABI_SIGCONT, SIGCONT, DefaultAction::kContinue},
    {CLOUDABI_SIGFPE, SIGFPE, DefaultAction::kTerminate},
    {CLOUDABI_SIGHUP, SIGHUP, DefaultAction::kTerminate},
    {CLOUDABI_SIGILL, SIGILL, DefaultAction::kTerminate},
    {CLOUDABI_SIGINT, SIGINT, DefaultAction::kTerminate},
    {CLOUDABI_SIGKILL, SIGKILL, DefaultAction::kTerminate},
    {CLOUDABI_SIGPIPE, SIGPIPE, DefaultAction::kIgnore},
    {CLOUDABI_SIGQUIT, SIGQUIT, DefaultAction::kTerminate},
    {CLOUDABI_SIGSEGV, SIGSEGV, DefaultAction::kTerminate},
    {CLOUDABI_SIGSTOP, SIGSTOP, DefaultAction::kStop},
    {CLOUDABI_SIGSYS, SIGSYS, DefaultAction::kTerminate},
    {CLOUDABI_SIGTERM, SIGTERM, DefaultAction::kTerminate},
    {CLOUDABI_SIGTRAP, SIGTRAP, DefaultAction::kTerminate},
    {CLOUDABI_SIGTSTP, SIGTSTP, DefaultAction::kStop},
    {CLOUDABI_SIGTTIN, SIGTTIN, DefaultAction::kStop},
    {CLOUDABI_SIGTTOU, SIGTTOU, DefaultAction::kStop},
    {CLOUDABI_SIGURG, SIGURG, DefaultAction::kIgnore},
    {CLOUDABI_SIGUSR1, SIGUSR1, DefaultAction::kTerminate},
    {CLOUDABI_SIGUSR2, SIGUSR2, DefaultAction::kTerminate},
    {CLOUDABI_SIGVTALRM, SIGVTALRM, DefaultAction::kTerminate},
    {CLOUDABI_SIGXCPU, SIGXCPU, DefaultAction::kTerminate},
    {CLOUDABI_SIGXFSZ, SIGXFSZ, DefaultAction::kTerminate},
};
static_assert(sizeof(kSignals) / sizeof(kSignals[0]) == 26);

const SignalInfo* find_signal(cloudabi_signal_t sig) {
  for (const SignalInfo& s : kSignals)
    if (s.cloudabi == sig) return &s;
  return nullptr;
}

}  // namespace

int linux_signal(cloudabi_signal_t sig) {
  const SignalInfo* s = find_signal(sig);
  return s == nullptr ? 0 : s->linux_sig;
}

cloudabi_signal_t cloudabi_signal(int linux_sig) {
  for (const SignalInfo& s : kSignals)
    if (s.linux_sig == linux_sig) return s.cloudabi;
  return CLOUDABI_SIGABRT;  // as FreeBSD does for host signals CloudABI lacks
}

DefaultAction default_action(cloudabi_signal_t sig) {
  const SignalInfo* s = find_signal(sig);
  return s == nullptr ? DefaultAction::kIgnore : s->action;
}

cloudabi_errno_t fork_process(cloudabi_fd_t* fd, cloudabi_tid_t* tid) {
  // Lock order: lifecycle, registry, table. Holding all three across fork()
  // means no other thread is halfway through changing any of them, so the
  // child's copies are consistent.
  std::unique_lock lifecycle(descriptor_lifecycle_mutex());
  std::unique_lock registry(registry_mutex());
  int lifeline[2];
  if (pipe2(lifeline, O_CLOEXEC) != 0) return last_errno();
  std::unique_lock table = fd_table().lock_exclusively();
  pid_t pid = fork();
  if (pid == 0) {
    // Only this thread exists here. The locks are held on behalf of a thread
    // that does not: start with fresh ones.
    table.release();
    fd_table().reset_lock_in_child();
    registry.release();
    new (&registry_mutex()) std::mutex();
    lifecycle.release();
    new (&descriptor_lifecycle_mutex()) std::mutex();
    become_child(lifeline[0], lifeline[1]);
    // The thread count, lock/condvar bookkeeping and memory registry.
    threads_after_fork_child();
    *fd = CLOUDABI_PROCESS_CHILD;
    *tid = static_cast<cloudabi_tid_t>(gettid());
    return 0;
  }
  int fork_errno = errno;
  table.unlock();
  close(lifeline[0]);
  if (pid < 0) {
    close(lifeline[1]);
    return translate_errno(fork_errno);
  }
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (pidfd < 0) {
    int open_errno = errno;
    end_child(Child{0, pid, lifeline[1]}, -1);
    return translate_errno(open_errno);
  }
  uint64_t identity = 0;
  if (!process_identity(pidfd, &identity))
    diag(
        "proc_fork: cannot identify the new process descriptor; closing it will not end the "
        "child (needs Linux 6.9+ pidfs or /proc)");
  g_children.push_back(Child{identity, pid, lifeline[1]});
  fd_table().set(pidfd, FdEntry{CLOUDABI_FILETYPE_PROCESS, kProcessDescriptorRights, 0},
                 "proc_fork");
  *fd = static_cast<cloudabi_fd_t>(pidfd);
  return 0;
}

std::unique_lock<std::mutex> lock_process_registry() { return std::unique_lock(registry_mutex()); }

int lifeline_in_locked() { return g_lifeline_in; }

bool child_link_locked(int pidfd, ChildLink* link) {
  uint64_t identity;
  if (!process_identity(pidfd, &identity)) return false;
  auto it = find_child(identity);
  if (it == g_children.end()) return false;
  *link = ChildLink{it->lifeline, it->pid};
  return true;
}

void end_children_except_locked(const std::vector<int>& kept) {
  std::vector<uint64_t> kept_ids;
  for (int fd : kept) {
    uint64_t id;
    if (process_identity(fd, &id)) kept_ids.push_back(id);
  }
  for (auto it = g_children.begin(); it != g_children.end();) {
    if (std::find(kept_ids.begin(), kept_ids.end(), it->identity) != kept_ids.end()) {
      ++it;
      continue;
    }
    int pidfd = -1;
    table_refers_to(it->identity, -1, &pidfd, /*table_locked=*/true);
    end_child(*it, pidfd);
    it = g_children.erase(it);
  }
}

void adopt_lifeline_in(int fd) {
  std::lock_guard lock(registry_mutex());
  g_lifeline_in = fd;
}

void adopt_child(int pidfd, ChildLink link) {
  std::lock_guard lock(registry_mutex());
  uint64_t identity = 0;
  process_identity(pidfd, &identity);
  g_children.push_back(Child{identity, link.pid, link.lifeline});
}

}  // namespace cloudabi::runtime
