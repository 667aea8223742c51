// Translation of Linux errno values to CloudABI's.
#pragma once

#include "cloudabi_types.h"

namespace cloudabi::runtime {

cloudabi_errno_t translate_errno(int linux_errno);

// translate_errno(errno), for use right after a failed Linux call.
cloudabi_errno_t last_errno();

}  // namespace cloudabi::runtime
