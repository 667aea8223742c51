#include "run/rights.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

#include "names.h"
#include "run/suggest.h"
#include "runtime/fd/rights.h"

namespace cloudabi::run {
namespace {

// The names come from the ABI definition (abigen's names.h), in bit order.
constexpr auto kRights = [] {
  std::array<RightName, std::size(runtime::names::rights_names)> out{};
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = {runtime::names::rights_names[i].name, runtime::names::rights_names[i].value};
  return out;
}();

// The per-type maxima are the runtime's (runtime/fd/rights.h), so that what
// cloudabi-run checks and shows is what the program gets.
using runtime::kAllRights;

// Preset building blocks.
constexpr cloudabi_rights_t kFileReadOnly = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK |
                                            CLOUDABI_RIGHT_FD_TELL | CLOUDABI_RIGHT_FILE_ADVISE |
                                            CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_MEM_MAP |
                                            CLOUDABI_RIGHT_POLL_FD_READWRITE;
constexpr cloudabi_rights_t kFileWriteOnly =
    CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_SEEK | CLOUDABI_RIGHT_FD_TELL |
    CLOUDABI_RIGHT_FD_DATASYNC | CLOUDABI_RIGHT_FD_SYNC | CLOUDABI_RIGHT_FILE_ADVISE |
    CLOUDABI_RIGHT_FILE_ALLOCATE | CLOUDABI_RIGHT_FILE_STAT_FGET |
    CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE | CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES |
    CLOUDABI_RIGHT_POLL_FD_READWRITE;
// No FD_SEEK (irrelevant with O_APPEND), no FD_STAT_PUT_FLAGS (it could clear
// O_APPEND), no FILE_STAT_FPUT_SIZE (truncation), no FILE_ALLOCATE.
constexpr cloudabi_rights_t kFileAppendOnly =
    CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FD_DATASYNC | CLOUDABI_RIGHT_FD_SYNC |
    CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_POLL_FD_READWRITE;
constexpr cloudabi_rights_t kFileReadWrite =
    kFileReadOnly | kFileWriteOnly | CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS;
static_assert((kFileReadWrite & (CLOUDABI_RIGHT_MEM_MAP_EXEC | CLOUDABI_RIGHT_PROC_EXEC)) == 0);
constexpr cloudabi_rights_t kFileExecutable =
    kFileReadOnly | CLOUDABI_RIGHT_MEM_MAP_EXEC | CLOUDABI_RIGHT_PROC_EXEC;
constexpr cloudabi_rights_t kDirectoryReadOnly =
    CLOUDABI_RIGHT_FILE_OPEN | CLOUDABI_RIGHT_FILE_READDIR | CLOUDABI_RIGHT_FILE_READLINK |
    CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_FILE_STAT_GET;

constexpr cloudabi_rights_t compute_all() {
  cloudabi_rights_t all = 0;
  for (const RightName& r : kRights) all |= r.bit;
  return all;
}
static_assert(compute_all() == kAllRights, "every right has a name");

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = upper(c);
  return out;
}

constexpr std::string_view kPrefix = "CLOUDABI_RIGHT_";

}  // namespace

std::span<const RightName> all_rights() { return kRights; }
cloudabi_rights_t all_rights_mask() { return kAllRights; }

std::optional<cloudabi_rights_t> parse_right_name(std::string_view name) {
  std::string n = to_upper(name);
  std::string_view v = n;
  if (v.starts_with(kPrefix)) v.remove_prefix(kPrefix.size());
  for (const RightName& r : kRights) {
    if (r.name == v) return r.bit;
  }
  return std::nullopt;
}

std::string suggest_right_name(std::string_view name) {
  std::string n = to_upper(name);
  std::string_view v = n;
  if (v.starts_with(kPrefix)) v.remove_prefix(kPrefix.size());
  std::vector<std::string_view> names;
  for (const RightName& r : kRights) names.push_back(r.name);
  return closest(v, names);
}

std::string format_rights(cloudabi_rights_t rights) {
  if (rights == 0) return "none";
  std::string out;
  for (const RightName& r : kRights) {
    if (rights & r.bit) {
      if (!out.empty()) out += ' ';
      out += r.name;
      rights &= ~r.bit;
    }
  }
  if (rights != 0) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%#llx", static_cast<unsigned long long>(rights));
    if (!out.empty()) out += ' ';
    out += buf;
  }
  return out;
}

std::string_view describe(HostFileType type) {
  switch (type) {
    case HostFileType::kRegularFile:
      return "regular file";
    case HostFileType::kDirectory:
      return "directory";
    case HostFileType::kBlockDevice:
      return "block device";
    case HostFileType::kCharacterDevice:
      return "character device";
    case HostFileType::kTty:
      return "terminal";
    case HostFileType::kSocketStream:
      return "stream socket";
    case HostFileType::kSocketDgram:
      return "datagram socket";
    case HostFileType::kFifo:
      return "pipe";
    case HostFileType::kOther:
      break;
  }
  return "other";
}

HostFileType classify_fd(int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0) return HostFileType::kOther;
  switch (st.st_mode & S_IFMT) {
    case S_IFREG:
      return HostFileType::kRegularFile;
    case S_IFDIR:
      return HostFileType::kDirectory;
    case S_IFBLK:
      return HostFileType::kBlockDevice;
    case S_IFCHR:
      return isatty(fd) ? HostFileType::kTty : HostFileType::kCharacterDevice;
    case S_IFIFO:
      return HostFileType::kFifo;
    case S_IFSOCK: {
      int type = 0;
      socklen_t len = sizeof(type);
      if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) != 0) return HostFileType::kOther;
      if (type == SOCK_STREAM) return HostFileType::kSocketStream;
      if (type == SOCK_DGRAM) return HostFileType::kSocketDgram;
      return HostFileType::kOther;
    }
    default:
      return HostFileType::kOther;
  }
}

RightsPair type_maximum(HostFileType type) {
  // The Linux file types as the runtime sees them (runtime/fd/fd_table.cc):
  // pipes are one-way stream sockets, terminals restricted character devices.
  cloudabi_filetype_t filetype = 0;
  switch (type) {
    case HostFileType::kRegularFile:
      filetype = CLOUDABI_FILETYPE_REGULAR_FILE;
      break;
    case HostFileType::kDirectory:
      filetype = CLOUDABI_FILETYPE_DIRECTORY;
      break;
    case HostFileType::kBlockDevice:
      filetype = CLOUDABI_FILETYPE_BLOCK_DEVICE;
      break;
    case HostFileType::kCharacterDevice:
    case HostFileType::kTty:
      filetype = CLOUDABI_FILETYPE_CHARACTER_DEVICE;
      break;
    case HostFileType::kSocketStream:
    case HostFileType::kFifo:
      filetype = CLOUDABI_FILETYPE_SOCKET_STREAM;
      break;
    case HostFileType::kSocketDgram:
      filetype = CLOUDABI_FILETYPE_SOCKET_DGRAM;
      break;
    case HostFileType::kOther:
      return {0, 0};
  }
  runtime::RightsPair max = runtime::max_rights(filetype, type == HostFileType::kTty);
  return {max.base, max.inheriting};
}

RightsPair effective_rights(HostFileType type, int access_mode,
                            std::optional<cloudabi_rights_t> base,
                            std::optional<cloudabi_rights_t> inheriting) {
  RightsPair r = type_maximum(type);
  if (base) r.base &= *base;
  if (inheriting) r.inheriting &= *inheriting;
  // As the runtime does: rights that the Linux access mode makes impossible
  // to exercise are dropped (directories are always opened read-only).
  if (type != HostFileType::kDirectory)
    r.base = runtime::restrict_to_access_mode(r.base, access_mode);
  return r;
}

namespace {
struct PresetInfo {
  Preset preset;
  std::string_view name;
  RightsPair other;  // Files, devices, pipes.
  std::optional<RightsPair> directory;
};
// "all" and "read-write" are defined by the type maxima, so the table is
// made on first use.
const std::array<PresetInfo, 6>& presets() {
  static const std::array<PresetInfo, 6> table = [] {
    const cloudabi_rights_t file = type_maximum(HostFileType::kRegularFile).base;
    const cloudabi_rights_t dir = type_maximum(HostFileType::kDirectory).base;
    return std::array<PresetInfo, 6>{{
        {Preset::kReadOnly,
         "read-only",
         {kFileReadOnly, 0},
         RightsPair{kDirectoryReadOnly, kDirectoryReadOnly | kFileReadOnly}},
        {Preset::kWriteOnly, "write-only", {kFileWriteOnly, 0}, std::nullopt},
        {Preset::kAppendOnly, "append-only", {kFileAppendOnly, 0}, std::nullopt},
        {Preset::kReadWrite,
         "read-write",
         {kFileReadWrite, 0},
         RightsPair{dir, dir | kFileReadWrite}},
        {Preset::kExecutable,
         "executable",
         {kFileExecutable, 0},
         RightsPair{kDirectoryReadOnly, kDirectoryReadOnly | kFileExecutable}},
        {Preset::kAll, "all", {file, 0}, RightsPair{dir, dir | file}},
    }};
  }();
  return table;
}
}  // namespace

std::optional<Preset> parse_preset(std::string_view name) {
  for (const PresetInfo& p : presets()) {
    if (p.name == name) return p.preset;
  }
  return std::nullopt;
}

std::string_view preset_name(Preset preset) {
  for (const PresetInfo& p : presets()) {
    if (p.preset == preset) return p.name;
  }
  return "?";
}

std::string suggest_preset_name(std::string_view name) {
  std::vector<std::string_view> names;
  for (const PresetInfo& p : presets()) names.push_back(p.name);
  return closest(name, names);
}

std::string preset_names() {
  std::string out;
  for (const PresetInfo& p : presets()) {
    if (!out.empty()) out += ", ";
    out += p.name;
  }
  return out;
}

std::optional<RightsPair> preset_rights(Preset preset, bool directory) {
  for (const PresetInfo& p : presets()) {
    if (p.preset == preset) return directory ? p.directory : std::optional<RightsPair>(p.other);
  }
  return std::nullopt;
}

}  // namespace cloudabi::run
