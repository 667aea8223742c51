// Opens the resources of a configuration on the host: validates !fd
// numbers, opens !file paths, creates !socket sockets and hands out the
// executable for !executable. Everything it opens is O_CLOEXEC and owned by
// it, so every descriptor is closed again if the launch fails.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "run/convert.h"
#include "run/rights.h"
#include "runtime/support/unique_fd.h"

namespace cloudabi::run {

// What cloudabi-run knows about one descriptor it grants.
struct GrantInfo {
  int host_fd = -1;
  ResourceKind kind = ResourceKind::kFd;
  std::string summary;  // ResourceSpec::summary(): "!file /srv/data".
  std::string detail;   // E.g. "host fd 1", "127.0.0.1:8080 (first of 2 addresses)".
  Mark mark;            // The YAML node that granted it.
  HostFileType type = HostFileType::kOther;
  int access_mode = 0;  // O_RDONLY, O_WRONLY or O_RDWR.
  // Requested narrowing (nullopt: the maximum for the type).
  std::optional<cloudabi_rights_t> rights_base;
  std::optional<cloudabi_rights_t> rights_inheriting;
  std::string rights_origin;  // "read-only preset", "listed", "" for none.
};

class HostResources : public ResourceProvider {
 public:
  struct Options {
    int executable_fd = -1;
    // The configuration was read from stdin: !fd stdin (0) is an error.
    bool stdin_is_config = false;
    // Timeout of connect() for !socket {connect: ...}.
    int connect_timeout_ms = 10000;
  };
  explicit HostResources(Options options) : options_(options) {}

  Expected<int> acquire(const ResourceSpec& spec) override;

  // The first resource that produced this descriptor; nullptr if none did.
  const GrantInfo* info(int host_fd) const;

 private:
  Expected<int> acquire_fd(const ResourceSpec& spec, const FdSpec& fd);
  Expected<int> acquire_file(const ResourceSpec& spec, const FileSpec& file);
  Expected<int> acquire_socket(const ResourceSpec& spec, const SocketSpec& socket);
  Expected<int> acquire_executable(const ResourceSpec& spec);
  int keep(UniqueFd fd, GrantInfo info);

  Options options_;
  std::vector<UniqueFd> owned_;
  std::set<int> owned_numbers_;
  std::map<int, GrantInfo> infos_;
};

}  // namespace cloudabi::run
