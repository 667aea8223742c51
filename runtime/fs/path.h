// Path lookups confined beneath a directory descriptor.
//
// CloudABI paths are (pointer, length) pairs relative to a directory
// descriptor, and every lookup must stay beneath that directory: no absolute
// paths, no `..` above it, no symbolic link that leads out of it, no
// /proc/self/fd-style magic links. The kernel enforces all of that for us
// with openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS) (Linux 5.6+).
//
// Linux has no RESOLVE_* variants of mkdirat, unlinkat, renameat, linkat or
// symlinkat, so those open the *parent* directory beneath the descriptor and
// act on a plain last component (resolve_parent). Calls that read or change
// an existing object (stat, utimens, readlink, link with SYMLINK_FOLLOW) open
// the object itself with O_PATH beneath the descriptor and act on that
// (open_object), which also covers trailing slashes and followed symlinks.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <string>

#include "cloudabi_types.h"
#include "runtime/support/unique_fd.h"

namespace cloudabi::runtime::fs {

// Copies a path from the program and NUL-terminates it: EILSEQ if it contains
// a NUL byte, ENAMETOOLONG if it is PATH_MAX bytes or longer. Only the first
// PATH_MAX bytes are ever read.
cloudabi_errno_t copy_path(const char* path, size_t len, std::string* out);

// openat2(dirfd, path, flags, mode) confined beneath dirfd. An attempt to
// leave the directory (absolute path, `..` above it, a symlink pointing out)
// gives ENOTCAPABLE; a magic link gives ELOOP. `call` names the system call
// for the --trace explanation. Retries the kernel's transient EAGAIN.
cloudabi_errno_t open_beneath(int dirfd, const std::string& path, int flags, mode_t mode,
                              UniqueFd* out, const char* call);

// The directory that holds the last component of a path, and that component.
struct Parent {
  UniqueFd owned;    // set when the parent is not dirfd itself
  int fd = -1;       // the parent directory (dirfd itself, or owned)
  std::string name;  // the last component, trailing slashes kept (POSIX
                     // semantics: ENOTDIR on files, mkdir "d/" works)
};

// Resolves everything but the last component of `path` beneath dirfd. An
// empty path is ENOENT, an absolute one ENOTCAPABLE. A last component of `.`
// or `..` is checked to stay beneath dirfd as well, so the *at call that
// follows may use it without leaving the directory.
cloudabi_errno_t resolve_parent(int dirfd, const std::string& path, Parent* out, const char* call);

// Opens the object `path` names (O_PATH) beneath dirfd. A final symbolic link
// is followed only if `follow` is set or the path ends in a slash; otherwise
// the result refers to the link itself.
cloudabi_errno_t open_object(int dirfd, const std::string& path, bool follow, UniqueFd* out,
                             const char* call);

// The CloudABI file type of a Linux mode (FIFOs and sockets read as
// SOCKET_STREAM, like the reference implementations).
cloudabi_filetype_t filetype_from_mode(mode_t mode);

// Converts Linux attributes; st_filetype comes from the mode.
void to_filestat(const struct stat& st, cloudabi_filestat_t* out);

}  // namespace cloudabi::runtime::fs
