// What a system call without an implementation does (see the generated
// syscall_defaults.cc): say so once on the diagnostic output and fail.
#pragma once

#include "cloudabi_types.h"

namespace cloudabi::runtime {

cloudabi_errno_t not_implemented(const char* name);
[[noreturn]] void not_implemented_fatal(const char* name);

}  // namespace cloudabi::runtime
