// The generated runtime table (generated/runtime/syscall_table.cc) names a
// trampoline pair per call. The tests only read the table, so empty stand-ins
// replace the real trampolines instead of linking the whole runtime.
#include "cloudabi_syscalls_info.h"

extern "C" {
#define ABI_TRAMPOLINE_STUBS(name) \
  void cloudabi_tramp_##name() {}  \
  void cloudabi_tramp_traced_##name() {}
CLOUDABI_SYSCALL_NAMES(ABI_TRAMPOLINE_STUBS)
CLOUDABI_SYSCALL_EXTENSION_NAMES(ABI_TRAMPOLINE_STUBS)
#undef ABI_TRAMPOLINE_STUBS
}
