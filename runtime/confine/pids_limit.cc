// The process limit for real root. The kernel does not apply RLIMIT_NPROC to
// the real root user (INIT_USER), and the sandbox maps its program to real
// uid 0 when cloudabi-run runs as root. A pids cgroup of its own bounds the
// program's processes and threads instead: created by the process that stays
// outside the sandbox, joined by the program before its first instruction,
// and removed by the creator once the sandbox has ended.
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include "runtime/confine/confine_impl.h"

namespace cloudabi::runtime {

namespace {

// Undoes the octal escapes (\040 and the like) of /proc/self/mountinfo.
std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' &&
        s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7') {
      out += static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
      i += 3;
      continue;
    }
    out += s[i];
  }
  return out;
}

bool has_word(const std::string& list, char sep, const std::string& word) {
  std::stringstream in(list);
  std::string w;
  while (std::getline(in, w, sep))
    if (w == word) return true;
  return false;
}

// This process's cgroup path in the cgroup v2 hierarchy (the "0::" line of
// /proc/self/cgroup) or in the v1 hierarchy with the pids controller.
bool own_cgroup(bool v2, std::string* path) {
  std::ifstream in("/proc/self/cgroup");
  std::string line;
  while (std::getline(in, line)) {
    size_t a = line.find(':');
    size_t b = a == std::string::npos ? a : line.find(':', a + 1);
    if (b == std::string::npos) continue;
    std::string controllers = line.substr(a + 1, b - a - 1);
    if (v2 ? (line.compare(0, a, "0") == 0 && controllers.empty())
           : has_word(controllers, ',', "pids")) {
      *path = line.substr(b + 1);
      return true;
    }
  }
  return false;
}

// The directory of this process's own cgroup under the mount at
// `mount_point`, whose root in the hierarchy is `root`.
bool under_mount(const std::string& mount_point, const std::string& root, const std::string& own,
                 std::string* dir) {
  if (root == "/") {
    *dir = mount_point + (own == "/" ? "" : own);
    return true;
  }
  if (own.compare(0, root.size(), root) != 0) return false;
  *dir = mount_point + own.substr(root.size());
  return true;
}

// Finds the directory in which to create the sandbox's cgroup: this
// process's own cgroup in a hierarchy with the pids controller (cgroup v2
// with pids in its cgroup.subtree_control, else cgroup v1). Says why not.
bool find_parent(std::string* dir, std::string* why) {
  std::ifstream in("/proc/self/mountinfo");
  std::string line, v1_dir, v2_dir;
  bool v2_mounted = false;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    std::string id, parent, dev, root, mount_point, field;
    f >> id >> parent >> dev >> root >> mount_point;
    while (f >> field && field != "-") {
    }
    std::string type, source, options;
    f >> type >> source >> options;
    root = unescape(root);
    mount_point = unescape(mount_point);
    std::string own, candidate;
    if (type == "cgroup2" && v2_dir.empty()) {
      v2_mounted = true;
      if (!own_cgroup(true, &own) || !under_mount(mount_point, root, own, &candidate)) continue;
      // A child gets the controllers its parent enables for its children.
      std::ifstream control(candidate + "/cgroup.subtree_control");
      std::string enabled, word;
      while (control >> word) enabled += word + " ";
      if (has_word(enabled, ' ', "pids")) v2_dir = candidate;
    } else if (type == "cgroup" && v1_dir.empty() && has_word(options, ',', "pids") &&
               own_cgroup(false, &own) && under_mount(mount_point, root, own, &candidate)) {
      v1_dir = candidate;
    }
  }
  *dir = !v2_dir.empty() ? v2_dir : v1_dir;
  if (dir->empty()) {
    *why = v2_mounted ? "no cgroup v1 pids hierarchy, and the cgroup v2 pids controller is not "
                        "enabled for this process's cgroup"
                      : "no cgroup hierarchy with the pids controller is mounted";
    return false;
  }
  if (access(dir->c_str(), W_OK) != 0) {
    *why = "cannot create a cgroup in " + *dir + ": " + strerror(errno);
    return false;
  }
  return true;
}

bool write_text(int dir, const char* file, const std::string& text) {
  int fd = openat(dir, file, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  return ok;
}

// The pid in a cgroup name made by create_pids_cgroup, or 0.
pid_t creator_of(const char* name) {
  const char prefix[] = "cloudabi-";
  if (strncmp(name, prefix, sizeof(prefix) - 1) != 0) return 0;
  char* end;
  long pid = strtol(name + sizeof(prefix) - 1, &end, 10);
  return *end == '-' && pid > 0 && pid <= INT32_MAX ? static_cast<pid_t>(pid) : 0;
}

// A sandbox whose outer process was SIGKILLed never removed its cgroup.
// Removes those whose creator is gone; rmdir refuses a cgroup that still has
// processes, so a live sandbox is never touched.
void remove_abandoned(int parent_fd) {
  int fd = dup(parent_fd);
  DIR* dir = fd < 0 ? nullptr : fdopendir(fd);
  if (dir == nullptr) {
    if (fd >= 0) close(fd);
    return;
  }
  while (dirent* e = readdir(dir)) {
    pid_t creator = creator_of(e->d_name);
    if (creator != 0 && kill(creator, 0) != 0 && errno == ESRCH)
      unlinkat(parent_fd, e->d_name, AT_REMOVEDIR);
  }
  closedir(dir);
}

}  // namespace

bool pids_cgroup_needed(const ResourceLimits& limits) { return limits.processes && getuid() == 0; }

std::string probe_pids_cgroup(bool* available) {
  std::string dir, why;
  *available = find_parent(&dir, &why);
  return *available
             ? "processes limit enforced for real root by a pids cgroup in " + dir
             : "processes limit not enforced for real root: no writable pids cgroup (" + why + ")";
}

std::optional<PidsCgroup> create_pids_cgroup(uint64_t limit, std::string* why) {
  std::string dir;
  if (!find_parent(&dir, why)) return std::nullopt;
  PidsCgroup cg;
  cg.parent_fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (cg.parent_fd < 0) {
    *why = "cannot open " + dir + ": " + strerror(errno);
    return std::nullopt;
  }
  remove_abandoned(cg.parent_fd);
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  cg.name = "cloudabi-" + std::to_string(getpid()) + "-" + std::to_string(now.tv_nsec);
  if (mkdirat(cg.parent_fd, cg.name.c_str(), 0755) != 0) {
    *why = "cannot create " + dir + "/" + cg.name + ": " + strerror(errno);
    close(cg.parent_fd);
    return std::nullopt;
  }
  int self = openat(cg.parent_fd, cg.name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  bool limited = self >= 0 && write_text(self, "pids.max", std::to_string(limit));
  if (limited) cg.procs_fd = openat(self, "cgroup.procs", O_WRONLY | O_CLOEXEC);
  if (self >= 0) close(self);
  if (!limited || cg.procs_fd < 0) {
    *why = "cannot set up " + dir + "/" + cg.name + ": " + strerror(errno);
    remove_pids_cgroup(cg);
    return std::nullopt;
  }
  return cg;
}

bool join_pids_cgroup(PidsCgroup& cg) {
  // "0" is the writing process; the pid namespace does not matter.
  bool ok = write(cg.procs_fd, "0", 1) == 1;
  int error = errno;
  forget_pids_cgroup(cg);
  errno = error;
  return ok;
}

void forget_pids_cgroup(PidsCgroup& cg) {
  if (cg.procs_fd >= 0) close(cg.procs_fd);
  if (cg.parent_fd >= 0) close(cg.parent_fd);
  cg.procs_fd = cg.parent_fd = -1;
}

void remove_pids_cgroup(PidsCgroup& cg) {
  if (cg.procs_fd >= 0) close(cg.procs_fd);
  cg.procs_fd = -1;
  if (cg.parent_fd < 0) return;
  // The last processes of the sandbox may still be leaving the cgroup just
  // after its init was reaped; the kernel then says EBUSY for a moment.
  for (int i = 0; i < 1000; ++i) {
    if (unlinkat(cg.parent_fd, cg.name.c_str(), AT_REMOVEDIR) == 0 || errno != EBUSY) break;
    timespec pause{0, 2'000'000};
    nanosleep(&pause, nullptr);
  }
  close(cg.parent_fd);
  cg.parent_fd = -1;
}

}  // namespace cloudabi::runtime
