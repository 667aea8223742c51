// The runtime's entry point: load a CloudABI executable into this process and
// run it with exactly the given descriptors.
#pragma once

#include <cstdint>
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
};

struct Options {
  int executable_fd = -1;
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
};

// Arranges the descriptors (grant i -> fd i, everything else closed), loads
// the executable and runs it. Does not return once the program has started:
// the program ends the process. Returns an Error if it could not start.
Error run(Options options);

}  // namespace cloudabi::runtime
