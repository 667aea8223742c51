#include <cloudabi_syscalls.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>

#include "errno_fixup.h"

static mode_t mode_of(cloudabi_filetype_t type) {
  switch (type) {
    case CLOUDABI_FILETYPE_BLOCK_DEVICE:
      return S_IFBLK;
    case CLOUDABI_FILETYPE_CHARACTER_DEVICE:
      return S_IFCHR;
    case CLOUDABI_FILETYPE_DIRECTORY:
      return S_IFDIR;
    case CLOUDABI_FILETYPE_PROCESS:
      return __S_IFPROC;
    case CLOUDABI_FILETYPE_REGULAR_FILE:
      return S_IFREG;
    case CLOUDABI_FILETYPE_SHARED_MEMORY:
      return __S_IFSHM;
    case CLOUDABI_FILETYPE_SOCKET_DGRAM:
    case CLOUDABI_FILETYPE_SOCKET_STREAM:
      return S_IFSOCK;
    case CLOUDABI_FILETYPE_SYMBOLIC_LINK:
      return S_IFLNK;
    default:
      return 0;
  }
}

static struct timespec timespec_of(cloudabi_timestamp_t t) {
  return (struct timespec){.tv_sec = (time_t)(t / 1000000000), .tv_nsec = (long)(t % 1000000000)};
}

static void convert(const cloudabi_filestat_t *in, struct stat *out) {
  *out = (struct stat){
      .st_dev = in->st_dev,
      .st_ino = in->st_ino,
      .st_mode = mode_of(in->st_filetype),
      .st_nlink = in->st_nlink,
      .st_size = (off_t)in->st_size,
      .st_atim = timespec_of(in->st_atim),
      .st_mtim = timespec_of(in->st_mtim),
      .st_ctim = timespec_of(in->st_ctim),
  };
}

int fstat(int fd, struct stat *buf) {
  cloudabi_filestat_t st;
  cloudabi_errno_t error = cloudabi_sys_file_stat_fget((cloudabi_fd_t)fd, &st);
  if (error != 0) {
    errno = error;
    return -1;
  }
  convert(&st, buf);
  return 0;
}

int fstatat(int fd, const char *restrict path, struct stat *restrict buf, int flags) {
  if ((flags & ~AT_SYMLINK_NOFOLLOW) != 0) {
    errno = EINVAL;
    return -1;
  }
  cloudabi_lookup_t lookup = {
      .fd = (cloudabi_fd_t)fd,
      .flags = (flags & AT_SYMLINK_NOFOLLOW) != 0 ? 0 : CLOUDABI_LOOKUP_SYMLINK_FOLLOW,
  };
  cloudabi_filestat_t st;
  cloudabi_errno_t error = cloudabi_sys_file_stat_get(lookup, path, strlen(path), &st);
  if (error != 0) {
    errno = errno_fixup_directory((cloudabi_fd_t)fd, error);
    return -1;
  }
  convert(&st, buf);
  return 0;
}

// The mode is optional and ignored: there are no permissions.
int mkdirat(int fd, const char *path, ...) {
  cloudabi_errno_t error =
      cloudabi_sys_file_create((cloudabi_fd_t)fd, path, strlen(path), CLOUDABI_FILETYPE_DIRECTORY);
  if (error != 0) {
    errno = errno_fixup_directory((cloudabi_fd_t)fd, error);
    return -1;
  }
  return 0;
}

// Timestamps for file_stat_put/fput: UTIME_NOW and UTIME_OMIT become flags.
static int times_of(const struct timespec *times, cloudabi_filestat_t *st,
                    cloudabi_fsflags_t *flags) {
  *flags = 0;
  if (times == NULL) {
    *flags = CLOUDABI_FILESTAT_ATIM_NOW | CLOUDABI_FILESTAT_MTIM_NOW;
    return 0;
  }
  for (int i = 0; i < 2; ++i) {
    cloudabi_fsflags_t set = i == 0 ? CLOUDABI_FILESTAT_ATIM : CLOUDABI_FILESTAT_MTIM;
    cloudabi_fsflags_t now = i == 0 ? CLOUDABI_FILESTAT_ATIM_NOW : CLOUDABI_FILESTAT_MTIM_NOW;
    if (times[i].tv_nsec == UTIME_NOW) {
      *flags |= now;
    } else if (times[i].tv_nsec != UTIME_OMIT) {
      if (times[i].tv_sec < 0 || times[i].tv_nsec < 0 || times[i].tv_nsec >= 1000000000) {
        errno = EINVAL;
        return -1;
      }
      cloudabi_timestamp_t t = (cloudabi_timestamp_t)times[i].tv_sec * 1000000000 +
                               (cloudabi_timestamp_t)times[i].tv_nsec;
      if (i == 0)
        st->st_atim = t;
      else
        st->st_mtim = t;
      *flags |= set;
    }
  }
  return 0;
}

int futimens(int fd, const struct timespec *times) {
  cloudabi_filestat_t st = {0};
  cloudabi_fsflags_t flags;
  if (times_of(times, &st, &flags) != 0) return -1;
  cloudabi_errno_t error = cloudabi_sys_file_stat_fput((cloudabi_fd_t)fd, &st, flags);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}

int utimensat(int fd, const char *path, const struct timespec *times, int flags) {
  if ((flags & ~AT_SYMLINK_NOFOLLOW) != 0) {
    errno = EINVAL;
    return -1;
  }
  cloudabi_filestat_t st = {0};
  cloudabi_fsflags_t fsflags;
  if (times_of(times, &st, &fsflags) != 0) return -1;
  cloudabi_lookup_t lookup = {
      .fd = (cloudabi_fd_t)fd,
      .flags = (flags & AT_SYMLINK_NOFOLLOW) != 0 ? 0 : CLOUDABI_LOOKUP_SYMLINK_FOLLOW,
  };
  cloudabi_errno_t error = cloudabi_sys_file_stat_put(lookup, path, strlen(path), &st, fsflags);
  if (error != 0) {
    errno = errno_fixup_directory((cloudabi_fd_t)fd, error);
    return -1;
  }
  return 0;
}

// The macros in sys/stat.h are also functions.
#undef S_TYPEISMQ
#undef S_TYPEISPROC
#undef S_TYPEISSEM
#undef S_TYPEISSHM
int S_TYPEISMQ(const struct stat *buf) {
  (void)buf;
  return 0;
}
int S_TYPEISPROC(const struct stat *buf) { return (buf->st_mode & S_IFMT) == __S_IFPROC; }
int S_TYPEISSEM(const struct stat *buf) {
  (void)buf;
  return 0;
}
int S_TYPEISSHM(const struct stat *buf) { return (buf->st_mode & S_IFMT) == __S_IFSHM; }
