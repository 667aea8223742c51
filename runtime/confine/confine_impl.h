// The layers of confine.h, one file each.
#pragma once

#include <optional>
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

// The pids cgroup that bounds the processes of a sandbox run by real root
// (the kernel does not apply RLIMIT_NPROC to it), in pids_limit.cc.
struct PidsCgroup {
  int parent_fd = -1;  // the directory it was created in
  int procs_fd = -1;   // its cgroup.procs, open for writing
  std::string name;
};
// Whether the process limit needs a cgroup: real root and a limit set.
bool pids_cgroup_needed(const ResourceLimits& limits);
// What --check says about it; *available if a cgroup can be created.
std::string probe_pids_cgroup(bool* available);
// Creates a cgroup with pids.max = limit, or says why not in *why.
std::optional<PidsCgroup> create_pids_cgroup(uint64_t limit, std::string* why);
// Moves the calling process into the cgroup and closes its descriptors.
bool join_pids_cgroup(PidsCgroup& cg);
// Closes the descriptors, in a process that neither joins nor removes it.
void forget_pids_cgroup(PidsCgroup& cg);
// Removes the cgroup (which must be empty or emptying) and closes its
// descriptors.
void remove_pids_cgroup(PidsCgroup& cg);

bool simulated_missing(const ConfineOptions& options, const std::string& layer);

}  // namespace cloudabi::runtime
