// CloudABI rights as cloudabi-run users write them: right names, the rights
// presets of !file, and the per-type maximal rights (reference §2.3) used to
// check requests and to show what a program will receive.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cloudabi_types.h"

namespace cloudabi::run {

struct RightName {
  std::string_view name;  // Without the CLOUDABI_RIGHT_ prefix.
  cloudabi_rights_t bit;
};
// Every right of ABI v0.21, in bit order.
std::span<const RightName> all_rights();
// All rights of ABI v0.21 (0x815FFFF7FF).
cloudabi_rights_t all_rights_mask();

// "FD_READ", "fd_read" and "CLOUDABI_RIGHT_FD_READ" all name FD_READ.
std::optional<cloudabi_rights_t> parse_right_name(std::string_view name);
// The right name closest to a misspelled one (for "did you mean"), or "".
std::string suggest_right_name(std::string_view name);
// "FD_READ FD_SEEK", "none" for 0. Unknown bits are shown in hex.
std::string format_rights(cloudabi_rights_t rights);

// What a descriptor is on the host, as far as rights are concerned.
enum class HostFileType {
  kRegularFile,
  kDirectory,
  kBlockDevice,
  kCharacterDevice,
  kTty,
  kSocketStream,
  kSocketDgram,
  kFifo,
  kOther,
};
// "regular file", "directory", "terminal", "stream socket", ...
std::string_view describe(HostFileType type);
// fstat, isatty and SO_TYPE; kOther if the descriptor cannot be examined.
HostFileType classify_fd(int fd);

struct RightsPair {
  cloudabi_rights_t base = 0;
  cloudabi_rights_t inheriting = 0;
  friend bool operator==(const RightsPair&, const RightsPair&) = default;
};

// The most a descriptor of this type can have (reference §2.3).
RightsPair type_maximum(HostFileType type);

// What the program will see: the request (nullopt = no narrowing)
// intersected with the type's maximum, minus what the access mode (O_RDONLY,
// O_WRONLY or O_RDWR) rules out: writing, allocating and truncating for
// read-only descriptors; reading, mapping and executing for write-only ones.
RightsPair effective_rights(HostFileType type, int access_mode,
                            std::optional<cloudabi_rights_t> base,
                            std::optional<cloudabi_rights_t> inheriting);

enum class Preset { kReadOnly, kWriteOnly, kAppendOnly, kReadWrite, kExecutable, kAll };
std::optional<Preset> parse_preset(std::string_view name);
std::string_view preset_name(Preset preset);
// The preset name closest to a misspelled one, or "".
std::string suggest_preset_name(std::string_view name);
// "read-only, write-only, append-only, read-write, executable, all".
std::string preset_names();
// The preset's rights for a directory or for anything else (files, devices,
// pipes); nullopt if the preset does not apply to directories.
std::optional<RightsPair> preset_rights(Preset preset, bool directory);

}  // namespace cloudabi::run
