#include "runtime/confine/confine.h"

#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "runtime/confine/confine_impl.h"

namespace cloudabi::runtime {

std::vector<LayerStatus> probe_confinement(const ConfineOptions& options) {
  std::vector<LayerStatus> out;
  out.push_back(
      {"descriptors", true, "exactly the granted descriptors; everything else is closed"});
  out.push_back({"rlimits", true,
                 "core dumps off; memory, cpu, file size, open files and "
                 "processes as configured"});
  // Real root is exempt from RLIMIT_NPROC; a pids cgroup, which needs the
  // sandbox's supervisor (namespaces), stands in for it.
  if (pids_cgroup_needed(options.limits)) {
    bool available = false;
    std::string pids = probe_pids_cgroup(&available);
    if (!options.namespaces || simulated_missing(options, "namespaces")) {
      available = false;
      pids = "processes limit not enforced for real root: a pids cgroup needs namespaces";
    }
    out.back().active = available;
    out.back().detail += "; " + pids;
  }

  LayerStatus ns{"namespaces", false, ""};
  if (!options.namespaces) {
    ns.detail = "turned off by the operator";
  } else if (simulated_missing(options, "namespaces")) {
    ns.detail = "disabled to simulate a kernel without user namespaces";
  } else {
    std::ifstream max("/proc/sys/user/max_user_namespaces");
    long n = -1;
    if (max >> n && n == 0) {
      ns.detail = "user namespaces are disabled (user.max_user_namespaces is 0)";
    } else {
      ns.active = true;
      ns.detail =
          "user, network, pid, ipc, uts and mount namespaces (checked when the program "
          "starts; a machine that blocks user namespaces is reported then); " +
          probe_directory_isolation();
    }
  }
  out.push_back(ns);

  LayerStatus ll{"landlock", false, ""};
  int abi =
      simulated_missing(options, "landlock") || !options.landlock ? 0 : landlock_abi_version();
  if (!options.landlock) {
    ll.detail = "turned off by the operator";
  } else if (abi <= 0) {
    ll.detail = simulated_missing(options, "landlock")
                    ? "disabled to simulate a kernel without Landlock"
                    : "this kernel has no Landlock (needs Linux 5.13+ with landlock enabled)";
  } else {
    ll.active = true;
    ll.detail = "ABI " + std::to_string(abi) + ": filesystem" +
                (abi >= 4 ? ", TCP bind/connect" : "") +
                (abi >= 6 ? ", abstract unix sockets and signals" : "") + " confined" +
                (abi < 6 ? " (upgrade to Linux 6.12+ for signal and socket scoping)" : "");
  }
  out.push_back(ll);

  LayerStatus sc{"seccomp", false, ""};
  if (!options.seccomp) {
    sc.detail = "turned off by the operator";
  } else if (simulated_missing(options, "seccomp")) {
    sc.detail = "disabled to simulate a kernel without seccomp";
  } else if (!seccomp_available()) {
    sc.detail = "this kernel has no seccomp filter support";
  } else {
    sc.active = true;
    sc.detail = "system call allowlist; " + memfd_noexec_detail(memfd_noexec_available());
  }
  out.push_back(sc);
  return out;
}

Result<std::vector<LayerStatus>> apply_confinement(const ConfineOptions& options,
                                                   const std::vector<DirectoryGrant>& dirs,
                                                   int runtime_fd, bool own_pid_namespace) {
  std::vector<LayerStatus> out;
  out.push_back(apply_rlimits(options.limits));
  if (!out.back().active) return Error{out.back().detail};

  LayerStatus ll{"landlock", false, "turned off by the operator"};
  if (options.landlock)
    ll = apply_landlock(dirs, runtime_fd, simulated_missing(options, "landlock"));
  out.push_back(ll);

  LayerStatus sc{"seccomp", false, "turned off by the operator"};
  // A filter inherited through execve stays in force whatever the options
  // say; apply_seccomp reports it and installs the handler that explains
  // violations.
  if (options.seccomp || prctl(PR_GET_SECCOMP, 0, 0, 0, 0) == 2) {
    // Signals stay inside the sandbox when Landlock scopes them or the
    // program is in its own pid namespace (pid 1 is this program's init).
    bool scoped = ll.active && landlock_abi_version() >= 6;
    sc = apply_seccomp({scoped || own_pid_namespace}, simulated_missing(options, "seccomp"));
  }
  out.push_back(sc);
  return out;
}

}  // namespace cloudabi::runtime
