// The resource tags of the configuration (!fd, !file, !socket, !executable)
// parsed and checked into plain structs, without touching the host. Opening
// them is the job of a ResourceProvider (host_resources.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "cloudabi_types.h"
#include "run/address.h"
#include "run/error.h"
#include "run/rights.h"
#include "run/yaml_reader.h"

namespace cloudabi::run {

enum class ResourceKind { kFd, kFile, kSocket, kExecutable };
// The resource kind of a full tag ("!fd" or "tag:nuxi.nl,2015:cloudabi/fd"),
// nullopt for other tags.
std::optional<ResourceKind> resource_kind_of_tag(const std::string& tag);
std::string_view tag_name(ResourceKind kind);  // "!fd", "!file", ...

// `rights:` or `inheriting:` of !file: a preset name or a list of rights.
struct RightsSpec {
  std::optional<Preset> preset;
  cloudabi_rights_t bits = 0;  // The list form.
  Mark mark;
};

// !fd stdin | stdout | stderr | N
struct FdSpec {
  int fd = -1;
  std::string name;  // As written: "stdout", "3".
  Mark mark;
};

// !file {path: P, type: file|directory, rights: ..., inheriting: ...,
//        create: bool, exclusive: bool, truncate: bool, append: bool,
//        mode: 0644}
struct FileSpec {
  enum class Type { kAny, kFile, kDirectory };
  std::string path;
  Mark path_mark;
  Type type = Type::kAny;
  Mark type_mark;
  std::optional<RightsSpec> rights;
  std::optional<RightsSpec> inheriting;
  bool create = false;
  bool exclusive = false;
  bool truncate = false;
  bool append = false;
  Mark create_mark, truncate_mark, append_mark;
  std::optional<unsigned> mode;  // Permission bits for create (octal).
  Mark mode_mark;
};

// !socket {type: stream|dgram, bind: ADDR} or {type: ..., connect: ADDR}
struct SocketSpec {
  bool stream = true;
  bool bind = false;  // Otherwise connect.
  std::string address_text;
  Address address;
  Mark address_mark;
};

struct ExecutableSpec {};

struct ResourceSpec {
  ResourceKind kind = ResourceKind::kFd;
  Mark mark;
  std::variant<FdSpec, FileSpec, SocketSpec, ExecutableSpec> spec;

  // How the user wrote it, shortened: "!fd stdout", "!file /srv/data",
  // "!socket bind 127.0.0.1:8080", "!executable".
  std::string summary() const;
};

// Checks the node under a resource tag and extracts its parameters.
Expected<ResourceSpec> parse_resource(ResourceKind kind, const Node& node);

}  // namespace cloudabi::run
