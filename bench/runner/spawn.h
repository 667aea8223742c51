// Starting the programs under test: fork and exec with chosen descriptors,
// captured output, a timeout, and the wall-clock time until the exit status
// is collected.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace bench {

struct Command {
  std::vector<std::string> argv;
  // Descriptors the child gets: {number in the child, descriptor in the runner}.
  std::vector<std::pair<int, int>> fds;
};

struct Outcome {
  bool started = false;
  bool timed_out = false;
  int status = -1;  // Exit status, or -signal.
  double wall_ns = 0;
  std::string out, err;
  std::string error;  // Why it could not be started.

  bool ok() const { return started && !timed_out && status == 0; }
  // "exit status 3", "killed by signal 9", "timed out", ...; and stderr's last line.
  std::string describe() const;
};

// Runs a command to completion (standard input /dev/null, standard output
// and error captured), killing it after `timeout`.
Outcome run(const Command& command, std::chrono::milliseconds timeout);

// Starts a command in the background with standard output and error going
// to `log_fd` (or /dev/null if -1). Returns the pid, or -1 with `error` set.
pid_t start(const Command& command, int log_fd, std::string* error);

// Sends SIGTERM, waits up to `grace`, then SIGKILL; returns the wait status.
int stop(pid_t pid, std::chrono::milliseconds grace);

// True if the process has not exited yet (does not reap it otherwise).
bool alive(pid_t pid);

// The full path of an executable found in $PATH, or "".
std::string find_program(const std::string& name);

// The contents of a descriptor from offset 0.
std::string read_all(int fd);

}  // namespace bench
