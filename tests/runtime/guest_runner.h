// Runs a CloudABI test program under the runtime in a child process, the way
// cloudabi-run would, and collects what it logged and how it ended.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "runtime/confine/confine.h"

struct argdata_t;

namespace cloudabi::testing {

struct GuestResult {
  bool exited = false;
  int exit_status = -1;  // when exited
  int signal = 0;        // when killed by a signal
  bool timed_out = false;
  std::string log;          // what the program wrote to its "log" descriptor
  std::string stderr_text;  // the runtime's diagnostics
};

// Adds entries to the program's argument map. `fds` collects host
// descriptors referenced by the returned values (the runner closes them).
struct ExtraArg {
  std::string key;
  std::function<argdata_t*()> make;
};

struct GuestOptions {
  std::vector<ExtraArg> extra;
  bool trace = false;
  // A safety net against hangs, not a performance bound: generous, because
  // the machine running the tests may be loaded.
  int timeout_seconds = 600;
  // Passed to the runtime as per-grant narrowing for the tmp directory.
  bool read_only_tmp = false;
  // Per-grant narrowing of other descriptors, by their number in this process
  // (e.g. an extra directory granted read-only).
  struct Narrowed {
    int fd;
    uint64_t rights_base;
    uint64_t rights_inheriting;
  };
  std::vector<Narrowed> narrowed;
  // The kernel-enforced sandbox (runtime::Options::confine): full confinement
  // unless a test turns layers off or sets resource limits.
  runtime::ConfineOptions confine;
  // Runs on a thread of the test process while the guest runs, e.g. a client
  // of a socket the guest serves. Started only after the fork: a thread that
  // exists at fork time may hold an allocator lock the child then waits on
  // forever (clang-14's ASan does not take its locks around fork).
  std::function<void()> alongside;
};

// Path of a CloudABI test program built from tests/programs/<area>/<name>.c.
std::string program_path(const std::string& area_name);

// Runs `program` with the argument map {log: fd, tmp: dir fd, message: "hello",
// ...extra} and a fresh temporary directory.
GuestResult run_guest(const std::string& program, const GuestOptions& options = {});

}  // namespace cloudabi::testing
