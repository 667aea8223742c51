#include "bench/runner/spawn.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace bench {

namespace {

double now_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

// In the child: places the descriptors, then execs. Never returns.
[[noreturn]] void exec_child(const Command& command, int out_fd, int err_fd) {
  // Move every source out of the way first, so that placing one cannot
  // overwrite another that is still to be placed.
  std::vector<std::pair<int, int>> moves;
  for (auto [child, parent] : command.fds) {
    int tmp = fcntl(parent, F_DUPFD_CLOEXEC, 1000);
    if (tmp < 0) _exit(126);
    moves.emplace_back(child, tmp);
  }
  int in = open("/dev/null", O_RDONLY);
  if (in < 0 || dup2(in, 0) < 0) _exit(126);
  if (dup2(out_fd, 1) < 0) _exit(126);
  if (dup2(err_fd, 2) < 0) _exit(126);
  for (auto [child, tmp] : moves) {
    if (dup2(tmp, child) < 0) _exit(126);  // dup2 clears FD_CLOEXEC on `child`.
  }
  std::vector<char*> argv;
  for (const std::string& a : command.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
  const char* msg = "bench: exec failed\n";
  (void)!write(2, msg, strlen(msg));
  _exit(127);
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return -1;
}

}  // namespace

std::string Outcome::describe() const {
  std::string s;
  if (!started) return "could not start: " + error;
  if (timed_out) {
    s = "timed out";
  } else if (status >= 0) {
    s = "exit status " + std::to_string(status);
  } else {
    s = std::string("killed by signal ") + strsignal(-status);
  }
  // The last non-empty line of standard error says most.
  std::string e = err;
  while (!e.empty() && (e.back() == '\n' || e.back() == '\r')) e.pop_back();
  size_t nl = e.rfind('\n');
  std::string last = nl == std::string::npos ? e : e.substr(nl + 1);
  if (last.size() > 300) last = last.substr(0, 300) + "...";
  if (!last.empty()) s += ": " + last;
  return s;
}

std::string read_all(int fd) {
  std::string s;
  char buf[65536];
  off_t off = 0;
  for (;;) {
    ssize_t n = pread(fd, buf, sizeof(buf), off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    s.append(buf, static_cast<size_t>(n));
    off += n;
  }
  return s;
}

Outcome run(const Command& command, std::chrono::milliseconds timeout) {
  Outcome o;
  int out = memfd_create("bench-stdout", MFD_CLOEXEC);
  int err = memfd_create("bench-stderr", MFD_CLOEXEC);
  if (out < 0 || err < 0) {
    o.error = std::string("memfd_create: ") + strerror(errno);
    if (out >= 0) close(out);
    if (err >= 0) close(err);
    return o;
  }
  double start = now_ns();
  pid_t pid = fork();
  if (pid < 0) {
    o.error = std::string("fork: ") + strerror(errno);
    close(out);
    close(err);
    return o;
  }
  if (pid == 0) exec_child(command, out, err);
  o.started = true;

  int status = 0;
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (pidfd >= 0) {
    struct pollfd p = {pidfd, POLLIN, 0};
    int ready;
    do {
      ready = poll(&p, 1, static_cast<int>(timeout.count()));
    } while (ready < 0 && errno == EINTR);
    if (ready == 0) {
      o.timed_out = true;
      kill(pid, SIGKILL);
    }
    close(pidfd);
  }
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  o.wall_ns = now_ns() - start;
  o.status = decode_status(status);
  o.out = read_all(out);
  o.err = read_all(err);
  close(out);
  close(err);
  return o;
}

pid_t start(const Command& command, int log_fd, std::string* error) {
  int sink = log_fd;
  if (sink < 0) sink = open("/dev/null", O_WRONLY | O_CLOEXEC);
  pid_t pid = fork();
  if (pid < 0) {
    *error = std::string("fork: ") + strerror(errno);
  } else if (pid == 0) {
    exec_child(command, sink, sink);
  }
  if (log_fd < 0 && sink >= 0) close(sink);
  return pid;
}

bool alive(pid_t pid) {
  siginfo_t info{};
  if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) return false;
  return info.si_pid == 0;
}

int stop(pid_t pid, std::chrono::milliseconds grace) {
  kill(pid, SIGTERM);
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + grace;
  for (;;) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) return status;
    if (r < 0 && errno != EINTR) return -1;
    if (std::chrono::steady_clock::now() > deadline) break;
    usleep(10000);
  }
  kill(pid, SIGKILL);
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

std::string find_program(const std::string& name) {
  if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? name : "";
  const char* path = getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    if (!dir.empty()) {
      std::string candidate = dir + "/" + name;
      struct stat st;
      if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
          access(candidate.c_str(), X_OK) == 0) {
        return candidate;
      }
    }
    start = end + 1;
  }
  return "";
}

}  // namespace bench
