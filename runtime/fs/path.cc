#include "runtime/fs/path.h"

#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "runtime/fd/fd_table.h"
#include "runtime/support/diag.h"
#include "runtime/support/errno.h"

namespace cloudabi::runtime::fs {

namespace {

constexpr int kMaxRetries = 16;

// The path as printed in --trace explanations: control bytes escaped.
std::string printable(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
      char hex[8];
      snprintf(hex, sizeof(hex), "\\x%02x", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void report_missing_openat2() {
  static std::atomic<bool> reported{false};
  if (!reported.exchange(true))
    diag(
        "this kernel has no openat2 (Linux 5.6 or later is needed to keep path lookups beneath "
        "their directory); every call that takes a path fails with ENOSYS");
}

}  // namespace

cloudabi_errno_t copy_path(const char* path, size_t len, std::string* out) {
  size_t scan = len < PATH_MAX ? len : PATH_MAX;
  if (scan > 0 && memchr(path, '\0', scan) != nullptr) return CLOUDABI_EILSEQ;
  if (len >= PATH_MAX) return CLOUDABI_ENAMETOOLONG;
  if (len == 0) {
    out->clear();  // path may be NULL
  } else {
    out->assign(path, len);
  }
  return 0;
}

cloudabi_errno_t open_beneath(int dirfd, const std::string& path, int flags, mode_t mode,
                              UniqueFd* out, const char* call) {
  open_how how{};
  how.flags = static_cast<uint64_t>(flags) | O_CLOEXEC;
  // The kernel rejects a mode without O_CREAT/O_TMPFILE.
  // (O_TMPFILE includes the O_DIRECTORY bit.)
  how.mode = (flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE ? mode : 0;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  long fd;
  int tries = 0;
  do {
    fd = syscall(SYS_openat2, dirfd, path.c_str(), &how, sizeof(how));
  } while (fd < 0 && (errno == EAGAIN || errno == EINTR) && ++tries < kMaxRetries);
  if (fd >= 0) {
    out->reset(static_cast<int>(fd));
    return 0;
  }
  switch (errno) {
    case EXDEV:
      if (tracing() && call != nullptr) {
        std::string origin = fd_table().origin(dirfd);
        diag("%s: path \"%s\" leads outside directory %d%s%s%s: ENOTCAPABLE", call,
             printable(path).c_str(), dirfd, origin.empty() ? "" : " (granted by ", origin.c_str(),
             origin.empty() ? "" : ")");
      }
      return CLOUDABI_ENOTCAPABLE;
    case ENOSYS:
      report_missing_openat2();
      return CLOUDABI_ENOSYS;
    case ELOOP:
      if (tracing() && call != nullptr)
        diag(
            "%s: path \"%s\" under directory %d has a symbolic link loop, a magic link or a "
            "final symbolic link that is not followed: ELOOP",
            call, printable(path).c_str(), dirfd);
      return CLOUDABI_ELOOP;
    default:
      return last_errno();
  }
}

cloudabi_errno_t resolve_parent(int dirfd, const std::string& path, Parent* out, const char* call) {
  if (path.empty()) return CLOUDABI_ENOENT;
  if (path[0] == '/') {
    if (tracing() && call != nullptr)
      diag("%s: absolute path \"%s\": ENOTCAPABLE", call, printable(path).c_str());
    return CLOUDABI_ENOTCAPABLE;
  }
  // The last component starts after the last slash that is not trailing.
  size_t end = path.size();
  while (end > 0 && path[end - 1] == '/') --end;
  size_t start = path.rfind('/', end - 1);
  start = start == std::string::npos ? 0 : start + 1;

  out->name = path.substr(start);
  if (start == 0) {
    out->owned.reset();
    out->fd = dirfd;
  } else {
    cloudabi_errno_t error =
        open_beneath(dirfd, path.substr(0, start), O_PATH | O_DIRECTORY, 0, &out->owned, call);
    if (error != 0) return error;
    out->fd = out->owned.get();
  }

  // "." and ".." name the parent itself or its parent: make sure that
  // stays beneath dirfd (".." directly under dirfd does not).
  std::string_view component(path.data() + start, end - start);
  if (component == "." || component == "..") {
    UniqueFd check;
    cloudabi_errno_t error = open_beneath(dirfd, path, O_PATH, 0, &check, call);
    if (error != 0) return error;
  }
  return 0;
}

cloudabi_errno_t open_object(int dirfd, const std::string& path, bool follow, UniqueFd* out,
                             const char* call) {
  if (path.empty()) return CLOUDABI_ENOENT;
  // A trailing slash makes the kernel follow a final symlink even with
  // O_NOFOLLOW, as POSIX requires; RESOLVE_BENEATH still applies to it.
  return open_beneath(dirfd, path, O_PATH | (follow ? 0 : O_NOFOLLOW), 0, out, call);
}

cloudabi_filetype_t filetype_from_mode(mode_t mode) {
  switch (mode & S_IFMT) {
    case S_IFBLK:
      return CLOUDABI_FILETYPE_BLOCK_DEVICE;
    case S_IFCHR:
      return CLOUDABI_FILETYPE_CHARACTER_DEVICE;
    case S_IFDIR:
      return CLOUDABI_FILETYPE_DIRECTORY;
    case S_IFIFO:
      return CLOUDABI_FILETYPE_SOCKET_STREAM;
    case S_IFLNK:
      return CLOUDABI_FILETYPE_SYMBOLIC_LINK;
    case S_IFREG:
      return CLOUDABI_FILETYPE_REGULAR_FILE;
    case S_IFSOCK:
      return CLOUDABI_FILETYPE_SOCKET_STREAM;
    default:
      return CLOUDABI_FILETYPE_UNKNOWN;
  }
}

namespace {
cloudabi_timestamp_t to_timestamp(const timespec& ts) {
  // Times before 1970 cannot be represented; they read as 0.
  if (ts.tv_sec < 0) return 0;
  if (static_cast<uint64_t>(ts.tv_sec) >= UINT64_MAX / 1000000000u) return UINT64_MAX;
  return static_cast<cloudabi_timestamp_t>(ts.tv_sec) * 1000000000u +
         static_cast<cloudabi_timestamp_t>(ts.tv_nsec);
}
}  // namespace

void to_filestat(const struct stat& st, cloudabi_filestat_t* out) {
  cloudabi_filestat_t fs{};
  fs.st_dev = st.st_dev;
  fs.st_ino = st.st_ino;
  fs.st_filetype = filetype_from_mode(st.st_mode);
  fs.st_nlink = static_cast<cloudabi_linkcount_t>(st.st_nlink);
  fs.st_size = static_cast<cloudabi_filesize_t>(st.st_size);
  fs.st_atim = to_timestamp(st.st_atim);
  fs.st_mtim = to_timestamp(st.st_mtim);
  fs.st_ctim = to_timestamp(st.st_ctim);
  *out = fs;
}

}  // namespace cloudabi::runtime::fs
