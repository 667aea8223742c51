// Kernel-enforced confinement: the sandbox boundary. The rights table in the
// runtime makes CloudABI programs correct, but guest code shares this process
// and can make raw Linux system calls, so the kernel must refuse everything the
// program was not given. Each layer reports whether it is active and why not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cloudabi_types.h"
#include "runtime/support/result.h"

namespace cloudabi::runtime {

struct ResourceLimits {
  std::optional<uint64_t> address_space;  // bytes (RLIMIT_AS)
  std::optional<uint64_t> cpu_seconds;    // RLIMIT_CPU
  std::optional<uint64_t> file_size;      // bytes (RLIMIT_FSIZE)
  std::optional<uint64_t> open_files;     // RLIMIT_NOFILE
  std::optional<uint64_t> processes;      // RLIMIT_NPROC
};

struct ConfineOptions {
  bool namespaces = true;
  bool landlock = true;
  bool seccomp = true;
  ResourceLimits limits;
  // Refuse to run unless every layer is active.
  bool require_full = false;
  // Pretend the kernel lacks a mechanism, to test degradation: "landlock",
  // "seccomp", "namespaces".
  std::vector<std::string> simulate_missing;
};

// Whether one layer is enforced on this machine, and why not.
struct LayerStatus {
  std::string layer;  // "descriptors", "rlimits", "namespaces", "landlock", "seccomp"
  bool active = false;
  std::string detail;  // what it enforces, or why it is not available
};

// What this kernel supports, without applying anything (cloudabi-run --check).
std::vector<LayerStatus> probe_confinement(const ConfineOptions& options);

// A directory the program was given, for the Landlock rules.
struct DirectoryGrant {
  int fd;
  cloudabi_rights_t base;
  cloudabi_rights_t inheriting;
};

// Applies rlimits, Landlock and seccomp to the calling process. Must run
// before any other thread exists. `runtime_fd` is the runtime's own executable
// (kept executable for proc_exec), or -1. `own_pid_namespace` says whether the
// program runs in a pid namespace of its own (enter_namespaces succeeded).
Result<std::vector<LayerStatus>> apply_confinement(const ConfineOptions& options,
                                                   const std::vector<DirectoryGrant>& dirs,
                                                   int runtime_fd, bool own_pid_namespace);

// Shuts every IPv4 or IPv6 datagram socket among `fds` down for writing, and
// from then on each such socket the program receives: a raw sendmsg() could
// reach any address. Unconnected ones cannot send in CloudABI anyway; granted
// connected ones were relayed at start-up (datagram_relay.h), so one here was
// received and keeps only its receiving side. Called once seccomp is in force.
void stop_unaddressed_sends(const std::vector<int>& fds);
void stop_unaddressed_sends_on_received(int fd);

// Enters new namespaces (user, net, ipc, uts, mount with an empty read-only
// root, pid). With a new pid namespace the calling process forks: the caller
// stays outside as a supervisor that waits and mirrors the program's end, and
// this function returns only in the process that will run the program.
// Each of `dirs` is replaced by the same directory on a detached clone of its
// mount (read-only for a read-only grant), so that `..` cannot leave it.
Result<LayerStatus> enter_namespaces(const ConfineOptions& options, int diagnostics_fd,
                                     const std::vector<DirectoryGrant>& dirs);

}  // namespace cloudabi::runtime
