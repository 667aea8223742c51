// The descriptor table: which Linux descriptors the program may use, what
// they are and which rights they carry. CloudABI descriptor numbers are the
// Linux numbers; a number without an entry is EBADF even if Linux has it open.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "cloudabi_types.h"
#include "runtime/support/result.h"

namespace cloudabi::runtime {

struct FdEntry {
  cloudabi_filetype_t type = CLOUDABI_FILETYPE_UNKNOWN;
  cloudabi_rights_t base = 0;
  cloudabi_rights_t inheriting = 0;
};

class FdTable {
 public:
  // Adds or replaces the entry for fd. `origin` says where it came from
  // (a YAML node, or the call that created it) for diagnostics.
  void set(int fd, const FdEntry& entry, std::string origin = {});
  // Removes the entry; false if there was none.
  bool erase(int fd);
  void clear();

  // Looks fd up and checks that it has all of `base` and `inheriting`.
  // Returns 0 and fills *out, or EBADF / ENOTCAPABLE. `call` names the
  // system call, for the denial explanation printed with --trace.
  cloudabi_errno_t get(uint32_t fd, cloudabi_rights_t base, cloudabi_rights_t inheriting,
                       FdEntry* out, const char* call) const;
  // Looks fd up without checking rights.
  cloudabi_errno_t get(uint32_t fd, FdEntry* out) const { return get(fd, 0, 0, out, nullptr); }

  std::string origin(int fd) const;
  std::vector<int> descriptors() const;

  // For proc_fork and proc_exec: keeps every other thread from reading or
  // changing the table while the process is copied or replaced. The *_locked
  // accessors are for the thread holding this lock.
  std::unique_lock<std::shared_mutex> lock_exclusively() { return std::unique_lock(mutex_); }
  cloudabi_errno_t get_locked(uint32_t fd, cloudabi_rights_t base, cloudabi_rights_t inheriting,
                              FdEntry* out, const char* call) const;
  std::vector<int> descriptors_locked() const;
  std::string origin_locked(int fd) const;
  // In the child of a fork() made while holding lock_exclusively(): the lock
  // belongs to a thread that does not exist there (and glibc checks a
  // writer's thread ID on unlock), so the child starts with a fresh one.
  // The caller must release() its unique_lock without unlocking first.
  void reset_lock_in_child();

 private:
  mutable std::shared_mutex mutex_;
  std::vector<FdEntry> entries_;
  std::vector<bool> used_;
  std::map<int, std::string> origins_;
};

// The process's descriptor table.
FdTable& fd_table();

// Serializes the calls that end, replace or rewrite descriptors (fd_close,
// fd_replace, fd_dup, fd_stat_put) against each other and against proc_fork
// and proc_exec. Lock order: this lock, then the process registry
// (runtime/proc), then the table's own lock.
std::mutex& descriptor_lifecycle_mutex();

// Determines the CloudABI type and maximal rights of an open Linux descriptor
// from fstat, its socket type, whether it is a terminal and its access mode.
Result<FdEntry> describe_fd(int fd);

// Whether --trace was given: print every system call and explain denials.
bool tracing();
void set_tracing(bool on);

// Formats rights as "FD_READ|FD_WRITE".
std::string rights_to_string(cloudabi_rights_t rights);

}  // namespace cloudabi::runtime
