#include "runtime/fd/rights.h"

#include <fcntl.h>

namespace cloudabi::runtime {

namespace {

constexpr cloudabi_rights_t kRegularFile =
    CLOUDABI_RIGHT_FD_DATASYNC | CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK |
    CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_SYNC | CLOUDABI_RIGHT_FD_TELL |
    CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ADVISE | CLOUDABI_RIGHT_FILE_ALLOCATE |
    CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE |
    CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES | CLOUDABI_RIGHT_MEM_MAP | CLOUDABI_RIGHT_MEM_MAP_EXEC |
    CLOUDABI_RIGHT_POLL_FD_READWRITE | CLOUDABI_RIGHT_PROC_EXEC;

constexpr cloudabi_rights_t kDirectory =
    CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_SYNC | CLOUDABI_RIGHT_FILE_ADVISE |
    CLOUDABI_RIGHT_FILE_CREATE_DIRECTORY | CLOUDABI_RIGHT_FILE_CREATE_FILE |
    CLOUDABI_RIGHT_FILE_LINK_SOURCE | CLOUDABI_RIGHT_FILE_LINK_TARGET |
    CLOUDABI_RIGHT_FILE_OPEN | CLOUDABI_RIGHT_FILE_READDIR | CLOUDABI_RIGHT_FILE_READLINK |
    CLOUDABI_RIGHT_FILE_RENAME_SOURCE | CLOUDABI_RIGHT_FILE_RENAME_TARGET |
    CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES |
    CLOUDABI_RIGHT_FILE_STAT_GET | CLOUDABI_RIGHT_FILE_STAT_PUT_TIMES |
    CLOUDABI_RIGHT_FILE_SYMLINK | CLOUDABI_RIGHT_FILE_UNLINK | CLOUDABI_RIGHT_POLL_FD_READWRITE;

constexpr cloudabi_rights_t kSocket = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS |
                                      CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET |
                                      CLOUDABI_RIGHT_POLL_FD_READWRITE |
                                      CLOUDABI_RIGHT_SOCK_SHUTDOWN;

constexpr cloudabi_rights_t kTty = CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS |
                                   CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET |
                                   CLOUDABI_RIGHT_POLL_FD_READWRITE;

constexpr cloudabi_rights_t kSharedMemory =
    CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_STAT_FGET |
    CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE | CLOUDABI_RIGHT_MEM_MAP | CLOUDABI_RIGHT_MEM_MAP_EXEC;

constexpr cloudabi_rights_t kProcess =
    CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_POLL_PROC_TERMINATE;

}  // namespace

RightsPair max_rights(cloudabi_filetype_t type, bool tty) {
  switch (type) {
    case CLOUDABI_FILETYPE_REGULAR_FILE:
      return {kRegularFile, 0};
    case CLOUDABI_FILETYPE_DIRECTORY:
      return {kDirectory, kDirectory | kRegularFile};
    case CLOUDABI_FILETYPE_SOCKET_DGRAM:
    case CLOUDABI_FILETYPE_SOCKET_STREAM:
      return {kSocket, kAllRights};
    case CLOUDABI_FILETYPE_SHARED_MEMORY:
      return {kSharedMemory, 0};
    case CLOUDABI_FILETYPE_PROCESS:
      return {kProcess, 0};
    case CLOUDABI_FILETYPE_CHARACTER_DEVICE:
      if (tty) return {kTty, 0};
      return {kAllRights, kAllRights};
    case CLOUDABI_FILETYPE_BLOCK_DEVICE:
      return {kAllRights, kAllRights};
    default:
      return {0, 0};
  }
}

cloudabi_rights_t restrict_to_access_mode(cloudabi_rights_t rights, int access_mode) {
  switch (access_mode & O_ACCMODE) {
    case O_RDONLY:
      return rights & ~(CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ALLOCATE |
                        CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE);
    case O_WRONLY:
      return rights & ~(CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_MEM_MAP |
                        CLOUDABI_RIGHT_MEM_MAP_EXEC | CLOUDABI_RIGHT_PROC_EXEC);
    default:
      return rights;
  }
}

}  // namespace cloudabi::runtime
