// proc_exec by re-executing the runtime.
//
// The runtime keeps a hidden descriptor of an executable that contains it
// (see runtime_executable_fd()). proc_exec writes everything the new image
// needs into a sealed memfd, makes the descriptors that must survive
// inheritable, and calls
//
//   execveat(runtime_fd, "", {"cloudabi-run", "--cloudabi-reexec", "<memfd>"},
//            {}, AT_EMPTY_PATH)
//
// The new image's main() calls handle_reexec() (runtime/runtime.h) first
// thing; it reads the state back and calls runtime::run with the program's
// descriptors as grants, so the program starts exactly as if cloudabi-run had
// started it, with fds[i] as descriptor i and the rights it had.
//
// State format (version 1; native byte order, since writer and reader are the
// same build of the runtime on the same machine):
//   magic "CABIEXEC" (8 bytes), u32 version, u32 flags
//     (bit 0 trace, 1 namespaces active, 2 landlock, 3 seccomp, 4 require full)
//   i32 executable_fd, i32 diagnostics_fd, i32 runtime_fd, i32 lifeline_in
//   u32 descriptor count, then per descriptor:
//     i32 fd (its number across the exec), u8 filetype, u64 rights_base,
//     u64 rights_inheriting, i32 child lifeline (-1 unless it is a process
//     descriptor of a child of this process), i32 child pid, string origin
//   u32 count of simulated-missing confinement layers, then the strings
//   u64 argdata length, then the argument data
// where a string is a u32 length followed by that many bytes. The memfd is
// sealed (F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE) and the
// reader insists on those seals and on an exact length.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cloudabi_types.h"
#include "runtime/fd/fd_table.h"
#include "runtime/proc/process.h"
#include "runtime/runtime.h"
#include "runtime/support/result.h"

namespace cloudabi::runtime {

inline constexpr const char kReexecFlag[] = "--cloudabi-reexec";

// What run() records for later proc_exec calls.
struct ExecSettings {
  int runtime_fd = -1;  // hidden, close-on-exec; -1 if proc_exec is unavailable
  bool namespaces_active = false;
  ConfineOptions confine;
  // The runtime executable is dynamically linked (e.g. a sanitizer build):
  // it cannot start inside the sandbox, which has no loader or libraries.
  bool runtime_is_dynamic = false;
};
void set_exec_settings(ExecSettings settings);
// Whether the executable behind fd has a PT_INTERP (false if unreadable).
bool needs_dynamic_loader(int fd);
const ExecSettings& exec_settings();

// One descriptor of the new program.
struct ExecDescriptor {
  int fd = -1;  // its number in the image being replaced
  FdEntry entry;
  std::string origin;
  ChildLink child;  // lifeline -1 unless a process descriptor of our child
};

struct ExecState {
  int executable_fd = -1;
  int diagnostics_fd = -1;
  int runtime_fd = -1;
  int lifeline_in = -1;
  bool trace = false;
  bool namespaces_active = false;
  bool landlock = true;
  bool seccomp = true;
  bool require_full = false;
  std::vector<std::string> simulate_missing;
  std::vector<ExecDescriptor> fds;
  std::vector<uint8_t> argdata;
};

// Serializes everything but the argument data (which the writer appends
// straight from the program's memory, so that a bad pointer is EFAULT).
std::vector<uint8_t> encode_exec_state_header(const ExecState& state, uint64_t argdata_len);
Result<ExecState> decode_exec_state(const uint8_t* data, size_t len);

// Writes the state and the argument data into a sealed memfd (not
// close-on-exec). Errors carry the Linux errno (EFAULT for bad `data`).
Result<int> write_exec_state(const ExecState& state, const void* data, size_t data_len);
// Reads and checks the state from a memfd made by write_exec_state.
Result<ExecState> read_exec_state(int fd);

// What run() needs to continue a proc_exec (built by handle_reexec).
struct ReexecContext {
  int runtime_fd = -1;
  int lifeline_in = -1;
  struct Child {
    size_t grant;  // index of the process descriptor among the grants
    ChildLink link;
  };
  std::vector<Child> children;
  bool namespaces_active = false;
};

// Replaces the process image with the runtime continuing from `state_fd`.
// Returns only if execveat failed, with errno set.
void reexec_runtime(int runtime_fd, int state_fd);

}  // namespace cloudabi::runtime
