// Process descriptors (proc_fork's result): a Linux pidfd per child.
#pragma once

#include "cloudabi_types.h"

namespace cloudabi::runtime {

// Called when a process descriptor is closed (fd_close, or replaced by
// fd_replace): kills the child if this was its last descriptor.
void close_process_descriptor(int fd);

// Whether the child behind a process descriptor has terminated; if so, how:
// *signal is 0 and *exitcode its exit status if it exited, otherwise *signal
// is the CloudABI signal that ended it.
bool process_terminated(int fd, cloudabi_signal_t* signal, cloudabi_exitcode_t* exitcode);

}  // namespace cloudabi::runtime
