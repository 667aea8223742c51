// Resource limits: no core dumps, and whatever the operator configured.
#include <sys/resource.h>

#include <cerrno>
#include <cstring>

#include "runtime/confine/confine_impl.h"

namespace cloudabi::runtime {

namespace {

bool set_limit(int resource, uint64_t value, std::string& error, const char* name) {
  rlimit current{};
  getrlimit(resource, &current);
  rlimit rl{static_cast<rlim_t>(value), static_cast<rlim_t>(value)};
  // Never raise a limit above what the operator's shell already imposes.
  if (current.rlim_max != RLIM_INFINITY && rl.rlim_max > current.rlim_max) {
    rl.rlim_max = current.rlim_max;
    rl.rlim_cur = current.rlim_max;
  }
  if (setrlimit(resource, &rl) != 0) {
    error = std::string("cannot set ") + name + ": " + strerror(errno);
    return false;
  }
  return true;
}

}  // namespace

LayerStatus apply_rlimits(const ResourceLimits& limits) {
  LayerStatus s{"rlimits", true, "core dumps off"};
  std::string error;
  bool ok = set_limit(RLIMIT_CORE, 0, error, "RLIMIT_CORE");
  auto apply = [&](const std::optional<uint64_t>& v, int resource, const char* name,
                   const char* label) {
    if (!v || !ok) return;
    ok = set_limit(resource, *v, error, name);
    if (ok) s.detail += std::string(", ") + label + " " + std::to_string(*v);
  };
  apply(limits.address_space, RLIMIT_AS, "RLIMIT_AS", "memory");
  apply(limits.cpu_seconds, RLIMIT_CPU, "RLIMIT_CPU", "cpu seconds");
  apply(limits.file_size, RLIMIT_FSIZE, "RLIMIT_FSIZE", "file size");
  apply(limits.open_files, RLIMIT_NOFILE, "RLIMIT_NOFILE", "open files");
  apply(limits.processes, RLIMIT_NPROC, "RLIMIT_NPROC", "processes");
  if (!ok) {
    s.active = false;
    s.detail = error;
  }
  return s;
}

}  // namespace cloudabi::runtime
