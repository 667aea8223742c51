// sys/mman.h: memory management.
//
// Extensions:
// - shm_open(SHM_ANON, ...): anonymous shared memory, whose descriptor can be
//   passed to other processes. Its mode argument may be omitted.
//
// Features missing:
// - shm_open() with a name, shm_unlink(): shared memory has no global names.
// - mlock(), mlockall(), munlock(), munlockall(), MCL_*: locking memory needs
//   privileges programs do not have.
// - posix_mem_offset(), posix_typed_mem_*(): there are no typed memory objects.
#ifndef _SYS_MMAN_H_
#define _SYS_MMAN_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
typedef __size_t size_t;
#define _SIZE_T_DECLARED
#endif
#ifndef _OFF_T_DECLARED
typedef __off_t off_t;
#define _OFF_T_DECLARED
#endif
#ifndef _MODE_T_DECLARED
typedef __mode_t mode_t;
#define _MODE_T_DECLARED
#endif

// The values of CloudABI's flags.
#define PROT_NONE 0x0
#define PROT_EXEC 0x1
#define PROT_WRITE 0x2
#define PROT_READ 0x4

#define MAP_ANON 0x1
#define MAP_ANONYMOUS MAP_ANON
#define MAP_FIXED 0x2
#define MAP_PRIVATE 0x4
#define MAP_SHARED 0x8
#define MAP_FAILED ((void *)-1)

#define MS_ASYNC 0x1
#define MS_INVALIDATE 0x2
#define MS_SYNC 0x4

// CloudABI's advice values.
#define POSIX_MADV_DONTNEED 1
#define POSIX_MADV_NORMAL 3
#define POSIX_MADV_RANDOM 4
#define POSIX_MADV_SEQUENTIAL 5
#define POSIX_MADV_WILLNEED 6

#define SHM_ANON ((const char *)1)

__BEGIN_DECLS
void *mmap(void *, size_t, int, int, int, off_t);
int mprotect(void *, size_t, int);
int msync(void *, size_t, int);
int munmap(void *, size_t);
int posix_madvise(void *, size_t, int);
int shm_open(const char *, int, ...);
__END_DECLS

#endif
