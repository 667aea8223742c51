// The runtime's entry point: load a CloudABI executable into this process and
// run it with exactly the given descriptors.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cloudabi_types.h"
#include "runtime/confine/confine.h"
#include "runtime/support/result.h"

namespace cloudabi::runtime {

// A descriptor the program receives. The i-th grant becomes CloudABI (and
// Linux) descriptor number i in the program.
struct Grant {
  int source_fd = -1;  // the descriptor in this process now
  // Rights to narrow the descriptor to. They are intersected with what the
  // descriptor's type and access mode allow; nullopt keeps that maximum.
  std::optional<cloudabi_rights_t> rights_base;
  std::optional<cloudabi_rights_t> rights_inheriting;
  // Where the grant came from, for diagnostics, e.g.
  // "config.yaml:4:9: !file {path: /srv/data}".
  std::string origin;
  // The CloudABI type, for a descriptor whose type fstat cannot tell (shared
  // memory, which Linux shows as a regular file); nullopt derives it. With a
  // type, the access mode does not narrow the rights (proc_exec hands on
  // rights that were already narrowed).
  std::optional<cloudabi_filetype_t> type;
};

struct ReexecContext;  // runtime/proc/reexec.h

struct Options {
  int executable_fd = -1;
  // How to name the executable in messages.
  std::string name;
  // Serialized argdata; its fd values are grant indices, which are exactly
  // the descriptor numbers the program will see.
  std::vector<uint8_t> argdata;
  std::vector<Grant> grants;
  // Where the runtime writes its own messages. It is moved out of the
  // program's descriptor range and never visible to the program.
  int diagnostics_fd = 2;
  // Print every system call with its result on the diagnostics descriptor,
  // and which confinement layers are active.
  bool trace = false;
  // The kernel-enforced sandbox (see runtime/confine/confine.h).
  ConfineOptions confine;
  // An executable containing this runtime, for proc_exec, which re-executes
  // the runtime (see runtime/proc/reexec.h). run() takes ownership. If -1,
  // run() opens the static cloudabi-runtime helper built with the runtime,
  // or else /proc/self/exe (whose main() must then call handle_reexec).
  int runtime_executable_fd = -1;
  // Set only by handle_reexec(): this run continues a program's proc_exec.
  std::shared_ptr<const ReexecContext> reexec;
};

// Arranges the descriptors (grant i -> fd i, everything else closed), loads
// the executable and runs it. Never returns: the program ends the process.
// If the program cannot be started, says why in one line on the diagnostics
// descriptor ("cannot start '<name>': <reason>") and exits with status 127;
// by then the process's own descriptors may already be rearranged, so the
// caller could not report it on stderr itself.
[[noreturn]] void run(Options options);

// For the main() of every executable that contains the runtime, called first
// thing: if argv is {_, "--cloudabi-reexec", N}, this process is the new image
// of a program's proc_exec: it takes over the program's state from descriptor
// N and runs the new program (never returning; on failure it prints a
// diagnostic and exits with 127). Otherwise returns false.
bool handle_reexec(int argc, char** argv);

}  // namespace cloudabi::runtime
