// The file_* system calls. Every path is resolved beneath its directory
// descriptor by the kernel (runtime/fs/path.h: openat2 with RESOLVE_BENEATH |
// RESOLVE_NO_MAGICLINKS); the order of the checks follows the reference
// implementations: argument values, then the path string (EILSEQ,
// ENAMETOOLONG), then the descriptor and its rights, then the lookup.
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <memory>
#include <mutex>

#include "runtime/fd/fd_table.h"
#include "runtime/fs/path.h"
#include "runtime/support/errno.h"
#include "runtime/support/unique_fd.h"
#include "syscalls.h"

using cloudabi::UniqueFd;
using cloudabi::runtime::fd_table;
using cloudabi::runtime::FdEntry;
using cloudabi::runtime::last_errno;
namespace fs = cloudabi::runtime::fs;

namespace {

constexpr cloudabi_fsflags_t kTimeFlags = CLOUDABI_FILESTAT_ATIM | CLOUDABI_FILESTAT_ATIM_NOW |
                                          CLOUDABI_FILESTAT_MTIM | CLOUDABI_FILESTAT_MTIM_NOW;

// Looks a directory descriptor up with the rights a path call needs.
cloudabi_errno_t directory(cloudabi_fd_t fd, cloudabi_rights_t base, cloudabi_rights_t inheriting,
                           const char* call) {
  FdEntry e;
  return fd_table().get(fd, base, inheriting, &e, call);
}

timespec to_timespec(cloudabi_timestamp_t t) {
  timespec ts{};
  ts.tv_sec = static_cast<time_t>(t / 1000000000u);  // at most ~1.8e10: fits
  ts.tv_nsec = static_cast<long>(t % 1000000000u);
  return ts;
}

// futimens/utimensat arguments for the time flags: *_NOW wins over the
// explicit value when both are given, as in the reference implementations.
void utimens_arguments(const cloudabi_filestat_t* buf, cloudabi_fsflags_t flags, timespec ts[2]) {
  if ((flags & CLOUDABI_FILESTAT_ATIM_NOW) != 0) {
    ts[0] = timespec{0, UTIME_NOW};
  } else if ((flags & CLOUDABI_FILESTAT_ATIM) != 0) {
    ts[0] = to_timespec(buf->st_atim);
  } else {
    ts[0] = timespec{0, UTIME_OMIT};
  }
  if ((flags & CLOUDABI_FILESTAT_MTIM_NOW) != 0) {
    ts[1] = timespec{0, UTIME_NOW};
  } else if ((flags & CLOUDABI_FILESTAT_MTIM) != 0) {
    ts[1] = to_timespec(buf->st_mtim);
  } else {
    ts[1] = timespec{0, UTIME_OMIT};
  }
}

cloudabi_filetype_t dirent_type(unsigned char d_type) {
  switch (d_type) {
    case DT_BLK:
      return CLOUDABI_FILETYPE_BLOCK_DEVICE;
    case DT_CHR:
      return CLOUDABI_FILETYPE_CHARACTER_DEVICE;
    case DT_DIR:
      return CLOUDABI_FILETYPE_DIRECTORY;
    case DT_FIFO:
      return CLOUDABI_FILETYPE_SOCKET_STREAM;
    case DT_LNK:
      return CLOUDABI_FILETYPE_SYMBOLIC_LINK;
    case DT_REG:
      return CLOUDABI_FILETYPE_REGULAR_FILE;
    case DT_SOCK:
      return CLOUDABI_FILETYPE_SOCKET_STREAM;
    default:
      return CLOUDABI_FILETYPE_UNKNOWN;
  }
}

// Serialises readdir on a shared open file description (see file_readdir).
std::mutex g_shared_readdir;

}  // namespace

extern "C" cloudabi_errno_t cloudabi_rt_file_advise(cloudabi_fd_t fd, cloudabi_filesize_t offset,
                                                    cloudabi_filesize_t len,
                                                    cloudabi_advice_t advice) {
  int linux_advice;
  switch (advice) {
    case CLOUDABI_ADVICE_DONTNEED:
      linux_advice = POSIX_FADV_DONTNEED;
      break;
    case CLOUDABI_ADVICE_NOREUSE:
      linux_advice = POSIX_FADV_NOREUSE;
      break;
    case CLOUDABI_ADVICE_NORMAL:
      linux_advice = POSIX_FADV_NORMAL;
      break;
    case CLOUDABI_ADVICE_RANDOM:
      linux_advice = POSIX_FADV_RANDOM;
      break;
    case CLOUDABI_ADVICE_SEQUENTIAL:
      linux_advice = POSIX_FADV_SEQUENTIAL;
      break;
    case CLOUDABI_ADVICE_WILLNEED:
      linux_advice = POSIX_FADV_WILLNEED;
      break;
    default:
      return CLOUDABI_EINVAL;
  }
  FdEntry e;
  if (cloudabi_errno_t error = fd_table().get(fd, CLOUDABI_RIGHT_FILE_ADVISE, 0, &e, "file_advise"))
    return error;
  // Values beyond INT64_MAX become negative offsets or lengths: EINVAL.
  int r = posix_fadvise(static_cast<int>(fd), static_cast<off_t>(offset), static_cast<off_t>(len),
                        linux_advice);
  if (r != 0) return cloudabi::runtime::translate_errno(r);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_allocate(cloudabi_fd_t fd, cloudabi_filesize_t offset,
                                                      cloudabi_filesize_t len) {
  FdEntry e;
  if (cloudabi_errno_t error =
          fd_table().get(fd, CLOUDABI_RIGHT_FILE_ALLOCATE, 0, &e, "file_allocate"))
    return error;
  // posix_fallocate: EINVAL for a zero length or negative values, EFBIG when
  // offset + len overflows, and it writes zeros where the file system has
  // no fallocate.
  int r;
  do {
    r = posix_fallocate(static_cast<int>(fd), static_cast<off_t>(offset), static_cast<off_t>(len));
  } while (r == EINTR);
  if (r != 0) return cloudabi::runtime::translate_errno(r);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_create(cloudabi_fd_t fd, const char* path,
                                                    size_t path_len, cloudabi_filetype_t type) {
  if (type != CLOUDABI_FILETYPE_DIRECTORY) return CLOUDABI_EINVAL;
  std::string p;
  if (cloudabi_errno_t error = fs::copy_path(path, path_len, &p)) return error;
  if (cloudabi_errno_t error =
          directory(fd, CLOUDABI_RIGHT_FILE_CREATE_DIRECTORY, 0, "file_create"))
    return error;
  fs::Parent parent;
  if (cloudabi_errno_t error = fs::resolve_parent(static_cast<int>(fd), p, &parent, "file_create"))
    return error;
  // The process umask restricts the mode, as on FreeBSD.
  if (mkdirat(parent.fd, parent.name.c_str(), 0777) != 0) return last_errno();
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_link(cloudabi_lookup_t fd1, const char* path1,
                                                  size_t path1_len, cloudabi_fd_t fd2,
                                                  const char* path2, size_t path2_len) {
  std::string p1, p2;
  if (cloudabi_errno_t error = fs::copy_path(path1, path1_len, &p1)) return error;
  if (cloudabi_errno_t error = directory(fd1.fd, CLOUDABI_RIGHT_FILE_LINK_SOURCE, 0, "file_link"))
    return error;
  bool follow = (fd1.flags & CLOUDABI_LOOKUP_SYMLINK_FOLLOW) != 0;
  // The source: a plain last component in its parent when the link itself
  // is meant; the object a followed link (or a trailing slash) leads to,
  // opened beneath the directory, otherwise.
  fs::Parent source;
  UniqueFd source_object;
  bool trailing_slash = !p1.empty() && p1.back() == '/';
  if (follow || trailing_slash) {
    if (cloudabi_errno_t error =
            fs::open_object(static_cast<int>(fd1.fd), p1, true, &source_object, "file_link"))
      return error;
  } else {
    if (cloudabi_errno_t error =
            fs::resolve_parent(static_cast<int>(fd1.fd), p1, &source, "file_link"))
      return error;
  }

  if (cloudabi_errno_t error = fs::copy_path(path2, path2_len, &p2)) return error;
  if (cloudabi_errno_t error = directory(fd2, CLOUDABI_RIGHT_FILE_LINK_TARGET, 0, "file_link"))
    return error;
  fs::Parent target;
  if (cloudabi_errno_t error = fs::resolve_parent(static_cast<int>(fd2), p2, &target, "file_link"))
    return error;

  int r = source_object.valid()
              ? linkat(source_object.get(), "", target.fd, target.name.c_str(), AT_EMPTY_PATH)
              : linkat(source.fd, source.name.c_str(), target.fd, target.name.c_str(), 0);
  if (r != 0) return last_errno();
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_open(cloudabi_lookup_t dirfd, const char* path,
                                                  size_t path_len, cloudabi_oflags_t oflags,
                                                  const cloudabi_fdstat_t* fds, cloudabi_fd_t* fd) {
  const cloudabi_rights_t base = fds->fs_rights_base;
  const cloudabi_rights_t inheriting = fds->fs_rights_inheriting;
  const cloudabi_fdflags_t fdflags = fds->fs_flags;

  // The access mode follows from the rights asked for.
  bool read = (base & (CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FILE_READDIR |
                       CLOUDABI_RIGHT_MEM_MAP_EXEC)) != 0;
  bool write = (base & (CLOUDABI_RIGHT_FD_DATASYNC | CLOUDABI_RIGHT_FD_WRITE |
                        CLOUDABI_RIGHT_FILE_ALLOCATE | CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE)) != 0;
  int flags = (write ? (read ? O_RDWR : O_WRONLY) : O_RDONLY) | O_NOCTTY;

  // The directory must be allowed to open, and to hand out every right the
  // new descriptor asks for plus those its flags imply.
  cloudabi_rights_t needed_base = CLOUDABI_RIGHT_FILE_OPEN;
  cloudabi_rights_t needed_inheriting = base | inheriting;
  if ((oflags & CLOUDABI_O_CREAT) != 0) {
    flags |= O_CREAT;
    needed_base |= CLOUDABI_RIGHT_FILE_CREATE_FILE;
  }
  if ((oflags & CLOUDABI_O_DIRECTORY) != 0) flags |= O_DIRECTORY;
  if ((oflags & CLOUDABI_O_EXCL) != 0) flags |= O_EXCL;
  if ((oflags & CLOUDABI_O_TRUNC) != 0) {
    flags |= O_TRUNC;
    needed_inheriting |= CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE;
  }
  if ((fdflags & CLOUDABI_FDFLAG_APPEND) != 0) flags |= O_APPEND;
  if ((fdflags & CLOUDABI_FDFLAG_DSYNC) != 0) {
    flags |= O_DSYNC;
    needed_inheriting |= CLOUDABI_RIGHT_FD_DATASYNC;
  }
  if ((fdflags & CLOUDABI_FDFLAG_NONBLOCK) != 0) flags |= O_NONBLOCK;
  if ((fdflags & (CLOUDABI_FDFLAG_RSYNC | CLOUDABI_FDFLAG_SYNC)) != 0) {
    flags |= O_SYNC;  // O_RSYNC is O_SYNC on Linux
    needed_inheriting |= CLOUDABI_RIGHT_FD_SYNC;
  }
  // Writing anywhere but the end needs the right to seek.
  if (write && (flags & (O_APPEND | O_TRUNC)) == 0) needed_inheriting |= CLOUDABI_RIGHT_FD_SEEK;
  bool follow = (dirfd.flags & CLOUDABI_LOOKUP_SYMLINK_FOLLOW) != 0;
  if (!follow) flags |= O_NOFOLLOW;

  std::string p;
  if (cloudabi_errno_t error = fs::copy_path(path, path_len, &p)) return error;
  if (cloudabi_errno_t error = directory(dirfd.fd, needed_base, needed_inheriting, "file_open"))
    return error;
  if (p.empty()) return CLOUDABI_ENOENT;

  UniqueFd opened;
  cloudabi_errno_t error =
      fs::open_beneath(static_cast<int>(dirfd.fd), p, flags, 0777, &opened, "file_open");
  if (error == CLOUDABI_ENXIO) {
    // Linux says ENXIO for a socket; CloudABI, like FreeBSD, ENOTSUP.
    UniqueFd object;
    struct stat st;
    if (fs::open_object(static_cast<int>(dirfd.fd), p, follow, &object, nullptr) == 0 &&
        fstat(object.get(), &st) == 0 && S_ISSOCK(st.st_mode))
      return CLOUDABI_ENOTSUP;
  }
  if (error != 0) return error;

  // Rights that do not apply to what was opened are dropped.
  cloudabi::Result<FdEntry> entry = cloudabi::runtime::describe_fd(opened.get());
  if (!entry) return CLOUDABI_ENOTSUP;
  entry->base &= base;
  entry->inheriting &= inheriting;
  int nfd = opened.release();
  fd_table().set(nfd, *entry, "file_open");
  *fd = static_cast<cloudabi_fd_t>(nfd);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_readdir(cloudabi_fd_t fd, void* buf, size_t buf_len,
                                                     cloudabi_dircookie_t cookie, size_t* bufused) {
  FdEntry e;
  if (cloudabi_errno_t error =
          fd_table().get(fd, CLOUDABI_RIGHT_FILE_READDIR, 0, &e, "file_readdir"))
    return error;
  // Cookies are the kernel's directory offsets (getdents64 d_off), which
  // lseek accepts back; they never exceed INT64_MAX.
  if (cookie > static_cast<cloudabi_dircookie_t>(INT64_MAX)) return CLOUDABI_EINVAL;

  // Read through a private open file description so that concurrent
  // readdirs (and dups of the descriptor) do not move each other's offset.
  // If the directory cannot be reopened (no search permission, removed),
  // fall back to the program's own descriptor under a lock.
  UniqueFd own;
  cloudabi_errno_t reopened =
      fs::open_beneath(static_cast<int>(fd), ".", O_RDONLY | O_DIRECTORY, 0, &own, nullptr);
  if (reopened == CLOUDABI_ENOTDIR) return CLOUDABI_ENOTDIR;
  std::unique_lock<std::mutex> shared_lock;
  int dir = own.get();
  if (reopened != 0) {
    shared_lock = std::unique_lock(g_shared_readdir);
    dir = static_cast<int>(fd);
  }
  if (lseek(dir, static_cast<off_t>(cookie), SEEK_SET) < 0) return last_errno();

  // Linux's records are no larger than ours, so a chunk a little larger than
  // the buffer usually takes one getdents64 call and reads little beyond.
  const size_t kChunk = std::clamp<size_t>(std::min<size_t>(buf_len, 65536) + 1024, 2048, 65536);
  std::unique_ptr<char[]> chunk(new char[kChunk]);
  char* out = static_cast<char*>(buf);
  size_t used = 0;
  auto put = [&](const void* data, size_t len) {
    size_t n = std::min(len, buf_len - used);
    memcpy(out + used, data, n);
    used += n;
  };
  while (used < buf_len) {
    ssize_t n = getdents64(dir, chunk.get(), kChunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (used > 0) break;
      return last_errno();
    }
    if (n == 0) break;
    for (ssize_t pos = 0; pos < n && used < buf_len;) {
      auto* d = reinterpret_cast<dirent64*>(chunk.get() + pos);
      pos += d->d_reclen;
      size_t namlen = strlen(d->d_name);
      cloudabi_dirent_t cde{};
      cde.d_next = static_cast<cloudabi_dircookie_t>(d->d_off);
      cde.d_ino = d->d_ino;
      cde.d_namlen = static_cast<uint32_t>(namlen);
      cde.d_type = dirent_type(d->d_type);
      if (d->d_type == DT_UNKNOWN) {
        struct stat st;
        if (fstatat(dir, d->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
          cde.d_type = fs::filetype_from_mode(st.st_mode);
      }
      put(&cde, sizeof(cde));
      put(d->d_name, namlen);
    }
  }
  *bufused = used;
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_readlink(cloudabi_fd_t fd, const char* path,
                                                      size_t path_len, char* buf, size_t buf_len,
                                                      size_t* bufused) {
  std::string p;
  if (cloudabi_errno_t error = fs::copy_path(path, path_len, &p)) return error;
  if (cloudabi_errno_t error = directory(fd, CLOUDABI_RIGHT_FILE_READLINK, 0, "file_readlink"))
    return error;
  UniqueFd link;
  if (cloudabi_errno_t error =
          fs::open_object(static_cast<int>(fd), p, false, &link, "file_readlink"))
    return error;
  // Linux wants a buffer of at least one byte; the result is silently
  // truncated to buf_len either way.
  char dummy;
  ssize_t n = readlinkat(link.get(), "", buf_len == 0 ? &dummy : buf, buf_len == 0 ? 1 : buf_len);
  if (n < 0) {
    // With an empty path Linux reports a non-link as ENOENT.
    return errno == ENOENT ? CLOUDABI_EINVAL : last_errno();
  }
  *bufused = std::min(static_cast<size_t>(n), buf_len);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_rename(cloudabi_fd_t fd1, const char* path1,
                                                    size_t path1_len, cloudabi_fd_t fd2,
                                                    const char* path2, size_t path2_len) {
  std::string p1, p2;
  if (cloudabi_errno_t error = fs::copy_path(path1, path1_len, &p1)) return error;
  if (cloudabi_errno_t error = directory(fd1, CLOUDABI_RIGHT_FILE_RENAME_SOURCE, 0, "file_rename"))
    return error;
  fs::Parent source;
  if (cloudabi_errno_t error =
          fs::resolve_parent(static_cast<int>(fd1), p1, &source, "file_rename"))
    return error;
  if (cloudabi_errno_t error = fs::copy_path(path2, path2_len, &p2)) return error;
  if (cloudabi_errno_t error = directory(fd2, CLOUDABI_RIGHT_FILE_RENAME_TARGET, 0, "file_rename"))
    return error;
  fs::Parent target;
  if (cloudabi_errno_t error =
          fs::resolve_parent(static_cast<int>(fd2), p2, &target, "file_rename"))
    return error;
  if (renameat(source.fd, source.name.c_str(), target.fd, target.name.c_str()) != 0)
    // Linux says EBUSY for `.`/`..` and mount points, where EINVAL fits.
    return errno == EBUSY ? CLOUDABI_EINVAL : last_errno();
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_stat_fget(cloudabi_fd_t fd, cloudabi_filestat_t* buf) {
  FdEntry e;
  if (cloudabi_errno_t error =
          fd_table().get(fd, CLOUDABI_RIGHT_FILE_STAT_FGET, 0, &e, "file_stat_fget"))
    return error;
  struct stat st;
  if (fstat(static_cast<int>(fd), &st) != 0) return last_errno();
  fs::to_filestat(st, buf);
  buf->st_filetype = e.type;
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_stat_fput(cloudabi_fd_t fd,
                                                       const cloudabi_filestat_t* buf,
                                                       cloudabi_fsflags_t flags) {
  if ((flags & CLOUDABI_FILESTAT_SIZE) != 0) {
    if ((flags & ~CLOUDABI_FILESTAT_SIZE) != 0) return CLOUDABI_EINVAL;
    FdEntry e;
    if (cloudabi_errno_t error =
            fd_table().get(fd, CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE, 0, &e, "file_stat_fput"))
      return error;
    // A size beyond INT64_MAX is negative for Linux: EINVAL.
    int r;
    do {
      r = ftruncate(static_cast<int>(fd), static_cast<off_t>(buf->st_size));
    } while (r != 0 && errno == EINTR);
    if (r != 0) return last_errno();
    return 0;
  }
  if ((flags & kTimeFlags) != 0) {
    if ((flags & ~kTimeFlags) != 0) return CLOUDABI_EINVAL;
    FdEntry e;
    if (cloudabi_errno_t error =
            fd_table().get(fd, CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES, 0, &e, "file_stat_fput"))
      return error;
    timespec ts[2];
    utimens_arguments(buf, flags, ts);
    if (futimens(static_cast<int>(fd), ts) != 0) return last_errno();
    return 0;
  }
  return CLOUDABI_EINVAL;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_stat_get(cloudabi_lookup_t fd, const char* path,
                                                      size_t path_len, cloudabi_filestat_t* buf) {
  std::string p;
  if (cloudabi_errno_t error = fs::copy_path(path, path_len, &p)) return error;
  if (cloudabi_errno_t error = directory(fd.fd, CLOUDABI_RIGHT_FILE_STAT_GET, 0, "file_stat_get"))
    return error;
  UniqueFd object;
  bool follow = (fd.flags & CLOUDABI_LOOKUP_SYMLINK_FOLLOW) != 0;
  if (cloudabi_errno_t error =
          fs::open_object(static_cast<int>(fd.fd), p, follow, &object, "file_stat_get"))
    return error;
  struct stat st;
  if (fstat(object.get(), &st) != 0) return last_errno();
  fs::to_filestat(st, buf);
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_stat_put(cloudabi_lookup_t fd, const char* path,
                                                      size_t path_len,
                                                      const cloudabi_filestat_t* buf,
                                                      cloudabi_fsflags_t flags) {
  if ((flags & ~kTimeFlags) != 0) return CLOUDABI_EINVAL;
  std::string p;
  if (cloudabi_errno_t error = fs::copy_path(path, path_len, &p)) return error;
  if (cloudabi_errno_t error =
          directory(fd.fd, CLOUDABI_RIGHT_FILE_STAT_PUT_TIMES, 0, "file_stat_put"))
    return error;
  UniqueFd object;
  bool follow = (fd.flags & CLOUDABI_LOOKUP_SYMLINK_FOLLOW) != 0;
  if (cloudabi_errno_t error =
          fs::open_object(static_cast<int>(fd.fd), p, follow, &object, "file_stat_put"))
    return error;
  timespec ts[2];
  utimens_arguments(buf, flags, ts);
  if (utimensat(object.get(), "", ts, AT_EMPTY_PATH) != 0) return last_errno();
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_symlink(const char* path1, size_t path1_len,
                                                     cloudabi_fd_t fd, const char* path2,
                                                     size_t path2_len) {
  // The contents of a link are arbitrary (they are only ever resolved
  // beneath a directory), but they are a string without NUL bytes.
  std::string contents, p2;
  if (cloudabi_errno_t error = fs::copy_path(path1, path1_len, &contents)) return error;
  if (cloudabi_errno_t error = fs::copy_path(path2, path2_len, &p2)) return error;
  if (cloudabi_errno_t error = directory(fd, CLOUDABI_RIGHT_FILE_SYMLINK, 0, "file_symlink"))
    return error;
  fs::Parent target;
  if (cloudabi_errno_t error =
          fs::resolve_parent(static_cast<int>(fd), p2, &target, "file_symlink"))
    return error;
  if (symlinkat(contents.c_str(), target.fd, target.name.c_str()) != 0) return last_errno();
  return 0;
}

extern "C" cloudabi_errno_t cloudabi_rt_file_unlink(cloudabi_fd_t fd, const char* path,
                                                    size_t path_len, cloudabi_ulflags_t flags) {
  std::string p;
  if (cloudabi_errno_t error = fs::copy_path(path, path_len, &p)) return error;
  if (cloudabi_errno_t error = directory(fd, CLOUDABI_RIGHT_FILE_UNLINK, 0, "file_unlink"))
    return error;
  fs::Parent parent;
  if (cloudabi_errno_t error = fs::resolve_parent(static_cast<int>(fd), p, &parent, "file_unlink"))
    return error;
  int at_flags = (flags & CLOUDABI_UNLINK_REMOVEDIR) != 0 ? AT_REMOVEDIR : 0;
  if (unlinkat(parent.fd, parent.name.c_str(), at_flags) != 0)
    // Linux says EISDIR when unlinking a directory; POSIX wants EPERM.
    return errno == EISDIR ? CLOUDABI_EPERM : last_errno();
  return 0;
}
