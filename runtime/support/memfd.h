// memfd_create for the runtime's own anonymous files.
#pragma once

#include <sys/mman.h>

#include <cerrno>

#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#endif
#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U
#endif

namespace cloudabi::runtime {

// memfd_create that can never make an executable file: with MFD_NOEXEC_SEAL
// (Linux 6.3+; it implies MFD_ALLOW_SEALING and adds F_SEAL_EXEC). The
// seccomp filter refuses memfd_create without it on such kernels, so that a
// program cannot write an executable into memory and execveat it. Older
// kernels reject the flag (EINVAL): then without it.
inline int noexec_memfd(const char* name, unsigned flags) {
  int fd = memfd_create(name, flags | MFD_NOEXEC_SEAL);
  if (fd < 0 && errno == EINVAL) fd = memfd_create(name, flags);
  return fd;
}

}  // namespace cloudabi::runtime
