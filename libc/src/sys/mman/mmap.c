#include <cloudabi_syscalls.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset) {
  if (offset < 0) {
    errno = EINVAL;
    return MAP_FAILED;
  }
  void *mem;
  cloudabi_errno_t error =
      cloudabi_sys_mem_map(addr, len, (cloudabi_mprot_t)prot, (cloudabi_mflags_t)flags,
                           (flags & MAP_ANON) != 0 ? CLOUDABI_MAP_ANON_FD : (cloudabi_fd_t)fd,
                           (cloudabi_filesize_t)offset, &mem);
  if (error != 0) {
    errno = error;
    return MAP_FAILED;
  }
  return mem;
}

int munmap(void *addr, size_t len) {
  cloudabi_errno_t error = cloudabi_sys_mem_unmap(addr, len);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}

int mprotect(void *addr, size_t len, int prot) {
  cloudabi_errno_t error = cloudabi_sys_mem_protect(addr, len, (cloudabi_mprot_t)prot);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}

int msync(void *addr, size_t len, int flags) {
  cloudabi_errno_t error = cloudabi_sys_mem_sync(addr, len, (cloudabi_msflags_t)flags);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return 0;
}

// Returns an error number rather than setting errno.
int posix_madvise(void *addr, size_t len, int advice) {
  return cloudabi_sys_mem_advise(addr, len, (cloudabi_advice_t)advice);
}

// Only anonymous shared memory exists; the mode may be omitted.
int shm_open(const char *name, int oflag, ...) {
  if (name != SHM_ANON) {
    errno = ENOENT;
    return -1;
  }
  if ((oflag & O_ACCMODE) != O_RDWR) {
    errno = EINVAL;
    return -1;
  }
  cloudabi_fd_t fd;
  cloudabi_errno_t error = cloudabi_sys_fd_create1(CLOUDABI_FILETYPE_SHARED_MEMORY, &fd);
  if (error != 0) {
    errno = error;
    return -1;
  }
  return (int)fd;
}
