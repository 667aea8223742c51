// Landlock's kernel interface up to ABI 7 (Linux 6.15). Debian 12's
// <linux/landlock.h> stops at ABI 2, so the definitions live here.
#pragma once

#include <cstdint>

namespace cloudabi::runtime::landlock {

inline constexpr long kSysCreateRuleset = 444;
inline constexpr long kSysAddRule = 445;
inline constexpr long kSysRestrictSelf = 446;

inline constexpr uint32_t kCreateRulesetVersion = 1u << 0;

struct RulesetAttr {
  uint64_t handled_access_fs;
  uint64_t handled_access_net;  // ABI 4
  uint64_t scoped;              // ABI 6
};

inline constexpr int kRulePathBeneath = 1;
inline constexpr int kRuleNetPort = 2;

struct __attribute__((packed)) PathBeneathAttr {
  uint64_t allowed_access;
  int32_t parent_fd;
};

// Filesystem access rights, with the ABI version that introduced each.
inline constexpr uint64_t kFsExecute = 1ull << 0;
inline constexpr uint64_t kFsWriteFile = 1ull << 1;
inline constexpr uint64_t kFsReadFile = 1ull << 2;
inline constexpr uint64_t kFsReadDir = 1ull << 3;
inline constexpr uint64_t kFsRemoveDir = 1ull << 4;
inline constexpr uint64_t kFsRemoveFile = 1ull << 5;
inline constexpr uint64_t kFsMakeChar = 1ull << 6;
inline constexpr uint64_t kFsMakeDir = 1ull << 7;
inline constexpr uint64_t kFsMakeReg = 1ull << 8;
inline constexpr uint64_t kFsMakeSock = 1ull << 9;
inline constexpr uint64_t kFsMakeFifo = 1ull << 10;
inline constexpr uint64_t kFsMakeBlock = 1ull << 11;
inline constexpr uint64_t kFsMakeSym = 1ull << 12;
inline constexpr uint64_t kFsRefer = 1ull << 13;     // ABI 2
inline constexpr uint64_t kFsTruncate = 1ull << 14;  // ABI 3
inline constexpr uint64_t kFsIoctlDev = 1ull << 15;  // ABI 5

inline constexpr uint64_t kNetBindTcp = 1ull << 0;     // ABI 4
inline constexpr uint64_t kNetConnectTcp = 1ull << 1;  // ABI 4

inline constexpr uint64_t kScopeAbstractUnixSocket = 1ull << 0;  // ABI 6
inline constexpr uint64_t kScopeSignal = 1ull << 1;              // ABI 6

// Every filesystem right a given ABI version knows.
inline constexpr uint64_t fs_rights_for_abi(int abi) {
  uint64_t r = (1ull << 13) - 1;
  if (abi >= 2) r |= kFsRefer;
  if (abi >= 3) r |= kFsTruncate;
  if (abi >= 5) r |= kFsIoctlDev;
  return r;
}

}  // namespace cloudabi::runtime::landlock
