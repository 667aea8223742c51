// Landlock: filesystem access only beneath the directories the program was
// given, with access rights derived from their CloudABI rights; no TCP bind or
// connect; abstract unix sockets and signals scoped to the sandbox.
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "runtime/confine/confine_impl.h"
#include "runtime/confine/landlock_abi.h"
#include "runtime/support/unique_fd.h"

namespace cloudabi::runtime {

namespace ll = landlock;

int landlock_abi_version() {
  long v = syscall(ll::kSysCreateRuleset, nullptr, 0, ll::kCreateRulesetVersion);
  return v < 0 ? 0 : static_cast<int>(v);
}

uint64_t landlock_access_for(cloudabi_rights_t base, cloudabi_rights_t inheriting) {
  cloudabi_rights_t any = base | inheriting;
  uint64_t a = 0;
  if (any & CLOUDABI_RIGHT_FILE_READDIR) a |= ll::kFsReadDir;
  // The runtime reads executables itself (proc_exec loads them), so
  // PROC_EXEC needs reading, never Landlock's EXECUTE.
  if (inheriting & (CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_PROC_EXEC | CLOUDABI_RIGHT_MEM_MAP))
    a |= ll::kFsReadFile;
  if (inheriting & (CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ALLOCATE)) a |= ll::kFsWriteFile;
  if (inheriting & CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE) a |= ll::kFsTruncate;
  if (any & CLOUDABI_RIGHT_FILE_CREATE_DIRECTORY) a |= ll::kFsMakeDir;
  if (any & CLOUDABI_RIGHT_FILE_CREATE_FILE) a |= ll::kFsMakeReg;
  if (any & CLOUDABI_RIGHT_FILE_SYMLINK) a |= ll::kFsMakeSym;
  if (any & CLOUDABI_RIGHT_FILE_UNLINK) a |= ll::kFsRemoveFile | ll::kFsRemoveDir;
  if (any & (CLOUDABI_RIGHT_FILE_RENAME_SOURCE))
    a |= ll::kFsRemoveFile | ll::kFsRemoveDir | ll::kFsRefer;
  if (any & (CLOUDABI_RIGHT_FILE_RENAME_TARGET))
    a |= ll::kFsMakeReg | ll::kFsMakeDir | ll::kFsMakeSym | ll::kFsRemoveFile | ll::kFsRemoveDir |
         ll::kFsRefer;
  if (any & CLOUDABI_RIGHT_FILE_LINK_SOURCE) a |= ll::kFsRefer;
  if (any & CLOUDABI_RIGHT_FILE_LINK_TARGET) a |= ll::kFsMakeReg | ll::kFsRefer;
  return a;
}

LayerStatus apply_landlock(const std::vector<DirectoryGrant>& dirs, int runtime_fd,
                           bool simulate_missing) {
  LayerStatus s{"landlock", false, ""};
  int abi = simulate_missing ? 0 : landlock_abi_version();
  if (abi <= 0) {
    s.detail = simulate_missing ? "disabled to simulate a kernel without Landlock"
                                : "this kernel has no Landlock (Linux 5.13+ with landlock in "
                                  "the LSM list); filesystem access is not confined by the kernel";
    return s;
  }
  uint64_t handled_fs = ll::fs_rights_for_abi(abi);
  ll::RulesetAttr attr{};
  attr.handled_access_fs = handled_fs;
  if (abi >= 4) attr.handled_access_net = ll::kNetBindTcp | ll::kNetConnectTcp;
  if (abi >= 6) attr.scoped = ll::kScopeAbstractUnixSocket | ll::kScopeSignal;
  UniqueFd ruleset(static_cast<int>(syscall(ll::kSysCreateRuleset, &attr, sizeof(attr), 0)));
  if (!ruleset.valid()) {
    s.detail = std::string("cannot create a Landlock ruleset: ") + strerror(errno);
    return s;
  }
  for (const DirectoryGrant& d : dirs) {
    ll::PathBeneathAttr rule{landlock_access_for(d.base, d.inheriting) & handled_fs, d.fd};
    if (rule.allowed_access == 0) continue;
    if (syscall(ll::kSysAddRule, ruleset.get(), ll::kRulePathBeneath, &rule, 0) != 0) {
      s.detail = "cannot add the Landlock rule for descriptor " + std::to_string(d.fd) + ": " +
                 strerror(errno);
      return s;
    }
  }
  if (runtime_fd >= 0) {
    ll::PathBeneathAttr rule{ll::kFsExecute | ll::kFsReadFile, runtime_fd};
    if (syscall(ll::kSysAddRule, ruleset.get(), ll::kRulePathBeneath, &rule, 0) != 0) {
      s.detail = std::string("cannot allow re-executing the runtime: ") + strerror(errno);
      return s;
    }
  }
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
      syscall(ll::kSysRestrictSelf, ruleset.get(), 0) != 0) {
    s.detail = std::string("cannot enforce the Landlock ruleset: ") + strerror(errno);
    return s;
  }
  s.active = true;
  s.detail = "ABI " + std::to_string(abi) + ": files only beneath the " +
             std::to_string(dirs.size()) + " granted director" + (dirs.size() == 1 ? "y" : "ies") +
             (abi >= 4 ? "; TCP bind/connect denied" : "; TCP not restricted (needs ABI 4)") +
             (abi >= 6 ? "; abstract unix sockets and signals scoped"
                       : "; signals and abstract sockets not scoped (needs ABI 6)");
  return s;
}

}  // namespace cloudabi::runtime
