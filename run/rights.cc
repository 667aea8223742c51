#include "run/rights.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "run/suggest.h"

namespace cloudabi::run {
namespace {

#define RIGHT(name) \
  RightName { #name, CLOUDABI_RIGHT_##name }
constexpr RightName kRights[] = {
    RIGHT(FD_DATASYNC),
    RIGHT(FD_READ),
    RIGHT(FD_SEEK),
    RIGHT(FD_STAT_PUT_FLAGS),
    RIGHT(FD_SYNC),
    RIGHT(FD_TELL),
    RIGHT(FD_WRITE),
    RIGHT(FILE_ADVISE),
    RIGHT(FILE_ALLOCATE),
    RIGHT(FILE_CREATE_DIRECTORY),
    RIGHT(FILE_CREATE_FILE),
    RIGHT(FILE_LINK_SOURCE),
    RIGHT(FILE_LINK_TARGET),
    RIGHT(FILE_OPEN),
    RIGHT(FILE_READDIR),
    RIGHT(FILE_READLINK),
    RIGHT(FILE_RENAME_SOURCE),
    RIGHT(FILE_RENAME_TARGET),
    RIGHT(FILE_STAT_FGET),
    RIGHT(FILE_STAT_FPUT_SIZE),
    RIGHT(FILE_STAT_FPUT_TIMES),
    RIGHT(FILE_STAT_GET),
    RIGHT(FILE_STAT_PUT_TIMES),
    RIGHT(FILE_SYMLINK),
    RIGHT(FILE_UNLINK),
    RIGHT(MEM_MAP),
    RIGHT(MEM_MAP_EXEC),
    RIGHT(POLL_FD_READWRITE),
    RIGHT(POLL_PROC_TERMINATE),
    RIGHT(PROC_EXEC),
    RIGHT(SOCK_SHUTDOWN),
};
#undef RIGHT

// Per-type maxima (reference §2.3, as the original emulator had them).
constexpr cloudabi_rights_t kDirectoryBase =
    CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_SYNC | CLOUDABI_RIGHT_FILE_ADVISE |
    CLOUDABI_RIGHT_FILE_CREATE_DIRECTORY | CLOUDABI_RIGHT_FILE_CREATE_FILE |
    CLOUDABI_RIGHT_FILE_LINK_SOURCE | CLOUDABI_RIGHT_FILE_LINK_TARGET | CLOUDABI_RIGHT_FILE_OPEN |
    CLOUDABI_RIGHT_FILE_READDIR | CLOUDABI_RIGHT_FILE_READLINK | CLOUDABI_RIGHT_FILE_RENAME_SOURCE |
    CLOUDABI_RIGHT_FILE_RENAME_TARGET | CLOUDABI_RIGHT_FILE_STAT_FGET |
    CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES | CLOUDABI_RIGHT_FILE_STAT_GET |
    CLOUDABI_RIGHT_FILE_STAT_PUT_TIMES | CLOUDABI_RIGHT_FILE_SYMLINK | CLOUDABI_RIGHT_FILE_UNLINK |
    CLOUDABI_RIGHT_POLL_FD_READWRITE;
constexpr cloudabi_rights_t kRegularFileBase =
    CLOUDABI_RIGHT_FD_DATASYNC | CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK |
    CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_SYNC | CLOUDABI_RIGHT_FD_TELL |
    CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ADVISE | CLOUDABI_RIGHT_FILE_ALLOCATE |
    CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE |
    CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES | CLOUDABI_RIGHT_MEM_MAP | CLOUDABI_RIGHT_MEM_MAP_EXEC |
    CLOUDABI_RIGHT_POLL_FD_READWRITE | CLOUDABI_RIGHT_PROC_EXEC;
constexpr cloudabi_rights_t kSocketBase =
    CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_WRITE |
    CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_POLL_FD_READWRITE | CLOUDABI_RIGHT_SOCK_SHUTDOWN;
constexpr cloudabi_rights_t kTtyBase = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS |
                                       CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET |
                                       CLOUDABI_RIGHT_POLL_FD_READWRITE;

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
constexpr cloudabi_rights_t kFileExecutable =
    kFileReadOnly | CLOUDABI_RIGHT_MEM_MAP_EXEC | CLOUDABI_RIGHT_PROC_EXEC;
constexpr cloudabi_rights_t kDirectoryReadOnly =
    CLOUDABI_RIGHT_FILE_OPEN | CLOUDABI_RIGHT_FILE_READDIR | CLOUDABI_RIGHT_FILE_READLINK |
    CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_FILE_STAT_GET;

static_assert(kDirectoryBase == 0x13EFF698);
static_assert(kRegularFileBase == 0x11C3801FF);
static_assert(kSocketBase == 0x801008004A);
static_assert(kTtyBase == 0x1008004A);
static_assert(kFileReadWrite ==
              (kRegularFileBase & ~(CLOUDABI_RIGHT_MEM_MAP_EXEC | CLOUDABI_RIGHT_PROC_EXEC)));

constexpr cloudabi_rights_t compute_all() {
  cloudabi_rights_t all = 0;
  for (const RightName& r : kRights) all |= r.bit;
  return all;
}
constexpr cloudabi_rights_t kAllRights = compute_all();
static_assert(kAllRights == 0x815FFFF7FF);

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
  switch (type) {
    case HostFileType::kRegularFile:
      return {kRegularFileBase, 0};
    case HostFileType::kDirectory:
      return {kDirectoryBase, kDirectoryBase | kRegularFileBase};
    case HostFileType::kBlockDevice:
    case HostFileType::kCharacterDevice:
      return {kAllRights, kAllRights};
    case HostFileType::kTty:
      return {kTtyBase, 0};
    case HostFileType::kSocketStream:
    case HostFileType::kSocketDgram:
    case HostFileType::kFifo:
      return {kSocketBase, kAllRights};
    case HostFileType::kOther:
      break;
  }
  return {0, 0};
}

RightsPair effective_rights(HostFileType type, int access_mode,
                            std::optional<cloudabi_rights_t> base,
                            std::optional<cloudabi_rights_t> inheriting) {
  RightsPair r = type_maximum(type);
  if (base) r.base &= *base;
  if (inheriting) r.inheriting &= *inheriting;
  // As the runtime does (runtime/fd/rights.cc): rights that the Linux
  // access mode makes impossible to exercise are dropped.
  if (type != HostFileType::kDirectory) {
    if (access_mode == O_RDONLY) {
      r.base &= ~(CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ALLOCATE |
                  CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE);
    } else if (access_mode == O_WRONLY) {
      r.base &= ~(CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_MEM_MAP | CLOUDABI_RIGHT_MEM_MAP_EXEC |
                  CLOUDABI_RIGHT_PROC_EXEC);
    }
  }
  return r;
}

namespace {
struct PresetInfo {
  Preset preset;
  std::string_view name;
  RightsPair other;  // Files, devices, pipes.
  std::optional<RightsPair> directory;
};
const PresetInfo kPresets[] = {
    {Preset::kReadOnly,
     "read-only",
     {kFileReadOnly, 0},
     RightsPair{kDirectoryReadOnly, kDirectoryReadOnly | kFileReadOnly}},
    {Preset::kWriteOnly, "write-only", {kFileWriteOnly, 0}, std::nullopt},
    {Preset::kAppendOnly, "append-only", {kFileAppendOnly, 0}, std::nullopt},
    {Preset::kReadWrite,
     "read-write",
     {kFileReadWrite, 0},
     RightsPair{kDirectoryBase, kDirectoryBase | kFileReadWrite}},
    {Preset::kExecutable,
     "executable",
     {kFileExecutable, 0},
     RightsPair{kDirectoryReadOnly, kDirectoryReadOnly | kFileExecutable}},
    {Preset::kAll,
     "all",
     {kRegularFileBase, 0},
     RightsPair{kDirectoryBase, kDirectoryBase | kRegularFileBase}},
};
}  // namespace

std::optional<Preset> parse_preset(std::string_view name) {
  for (const PresetInfo& p : kPresets) {
    if (p.name == name) return p.preset;
  }
  return std::nullopt;
}

std::string_view preset_name(Preset preset) {
  for (const PresetInfo& p : kPresets) {
    if (p.preset == preset) return p.name;
  }
  return "?";
}

std::string suggest_preset_name(std::string_view name) {
  std::vector<std::string_view> names;
  for (const PresetInfo& p : kPresets) names.push_back(p.name);
  return closest(name, names);
}

std::string preset_names() {
  std::string out;
  for (const PresetInfo& p : kPresets) {
    if (!out.empty()) out += ", ";
    out += p.name;
  }
  return out;
}

std::optional<RightsPair> preset_rights(Preset preset, bool directory) {
  for (const PresetInfo& p : kPresets) {
    if (p.preset == preset) return directory ? p.directory : std::optional<RightsPair>(p.other);
  }
  return std::nullopt;
}

}  // namespace cloudabi::run
