// The layers of confine.h, one file each.
#pragma once

#include <string>
#include <vector>

#include "runtime/confine/confine.h"

namespace cloudabi::runtime {

int landlock_abi_version();
uint64_t landlock_access_for(cloudabi_rights_t base, cloudabi_rights_t inheriting);
LayerStatus apply_landlock(const std::vector<DirectoryGrant>& dirs, int runtime_fd,
                           bool simulate_missing);

LayerStatus apply_rlimits(const ResourceLimits& limits);

struct SeccompContext {
  bool signals_scoped;  // Landlock scopes signals or a pid namespace holds the program
};
LayerStatus apply_seccomp(const SeccompContext& context, bool simulate_missing);
bool seccomp_available();
// Whether memfd_create takes MFD_NOEXEC_SEAL (Linux 6.3+), and what that
// means for the seccomp layer, in words.
bool memfd_noexec_available();
std::string memfd_noexec_detail(bool available);

// What the mount namespace can do for granted directories on this kernel.
std::string probe_directory_isolation();

bool simulated_missing(const ConfineOptions& options, const std::string& layer);

}  // namespace cloudabi::runtime
