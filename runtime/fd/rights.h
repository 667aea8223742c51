// Which rights make sense for which kind of descriptor.
#pragma once

#include "cloudabi_types.h"

namespace cloudabi::runtime {

// Every right CloudABI defines.
inline constexpr cloudabi_rights_t kAllRights =
    CLOUDABI_RIGHT_FD_DATASYNC | CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK |
    CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_SYNC | CLOUDABI_RIGHT_FD_TELL |
    CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ADVISE | CLOUDABI_RIGHT_FILE_ALLOCATE |
    CLOUDABI_RIGHT_FILE_CREATE_DIRECTORY | CLOUDABI_RIGHT_FILE_CREATE_FILE |
    CLOUDABI_RIGHT_FILE_LINK_SOURCE | CLOUDABI_RIGHT_FILE_LINK_TARGET | CLOUDABI_RIGHT_FILE_OPEN |
    CLOUDABI_RIGHT_FILE_READDIR | CLOUDABI_RIGHT_FILE_READLINK | CLOUDABI_RIGHT_FILE_RENAME_SOURCE |
    CLOUDABI_RIGHT_FILE_RENAME_TARGET | CLOUDABI_RIGHT_FILE_STAT_FGET |
    CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE | CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES |
    CLOUDABI_RIGHT_FILE_STAT_GET | CLOUDABI_RIGHT_FILE_STAT_PUT_TIMES |
    CLOUDABI_RIGHT_FILE_SYMLINK | CLOUDABI_RIGHT_FILE_UNLINK | CLOUDABI_RIGHT_MEM_MAP |
    CLOUDABI_RIGHT_MEM_MAP_EXEC | CLOUDABI_RIGHT_POLL_FD_READWRITE |
    CLOUDABI_RIGHT_POLL_PROC_TERMINATE | CLOUDABI_RIGHT_PROC_EXEC | CLOUDABI_RIGHT_SOCK_SHUTDOWN;

struct RightsPair {
  cloudabi_rights_t base = 0;
  cloudabi_rights_t inheriting = 0;
};

// The most a descriptor of this type can have. `tty` distinguishes terminals
// among character devices.
RightsPair max_rights(cloudabi_filetype_t type, bool tty = false);

// Removes rights the Linux access mode (O_RDONLY, O_WRONLY, O_RDWR) of an
// open file makes impossible to exercise.
cloudabi_rights_t restrict_to_access_mode(cloudabi_rights_t rights, int access_mode);

}  // namespace cloudabi::runtime
