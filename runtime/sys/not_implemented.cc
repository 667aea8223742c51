#include "runtime/sys/not_implemented.h"

#include <unistd.h>

#include <atomic>

#include "runtime/support/diag.h"
#include "syscalls.h"

namespace cloudabi::runtime {

namespace {
std::atomic<bool> g_reported[kSyscallCount];

void report(const char* name) {
  for (size_t i = 0; i < kSyscallCount; ++i) {
    if (kSyscalls[i].name == name || __builtin_strcmp(kSyscalls[i].name, name) == 0) {
      if (g_reported[i].exchange(true)) return;
      break;
    }
  }
  diag("system call %s is not implemented by this runtime yet; it fails with ENOSYS", name);
}
}  // namespace

cloudabi_errno_t not_implemented(const char* name) {
  report(name);
  return CLOUDABI_ENOSYS;
}

void not_implemented_fatal(const char* name) {
  diag("system call %s is not implemented by this runtime yet; ending the program", name);
  _exit(127);
}

}  // namespace cloudabi::runtime
