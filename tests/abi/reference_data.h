// CloudABI v0.21 numbers, transcribed by hand from the reference document
// (/work/shared/reference/cloudabi-abi.md, sections 1 and 2) WITHOUT looking
// at abi/cloudabi.abi. The tests compare these tables with what tools/abigen
// generates from the spec, so a typo in either reading shows up as a
// mismatch. Shared by the C test (reference_layout_test.c) and the C++ test
// (reference_values_test.cc); every list is an X-macro.
//
// Do not "fix" a value here to make a test pass without checking the
// reference: this file is the second, independent reading of the ABI.
#ifndef CLOUDABI_TESTS_ABI_REFERENCE_DATA_H
#define CLOUDABI_TESTS_ABI_REFERENCE_DATA_H

// _Atomic(T) exists only in C; the generated headers drop it in C++.
#if defined(__cplusplus)
#define REF_ATOMIC(T) T
#else
#define REF_ATOMIC(T) _Atomic(T)
#endif

// §2.1 scalar typedefs: X(name, C type, size in bytes, is signed).
#define REF_SCALARS(X)             \
  X(advice, uint8_t, 1, 0)         \
  X(auxtype, uint32_t, 4, 0)       \
  X(clockid, uint32_t, 4, 0)       \
  X(condvar, uint32_t, 4, 0)       \
  X(device, uint64_t, 8, 0)        \
  X(dircookie, uint64_t, 8, 0)     \
  X(errno, uint16_t, 2, 0)         \
  X(eventrwflags, uint16_t, 2, 0)  \
  X(eventtype, uint8_t, 1, 0)      \
  X(exitcode, uint32_t, 4, 0)      \
  X(fd, uint32_t, 4, 0)            \
  X(fdflags, uint16_t, 2, 0)       \
  X(fdsflags, uint16_t, 2, 0)      \
  X(fsflags, uint16_t, 2, 0)       \
  X(filedelta, int64_t, 8, 1)      \
  X(filesize, uint64_t, 8, 0)      \
  X(filetype, uint8_t, 1, 0)       \
  X(inode, uint64_t, 8, 0)         \
  X(linkcount, uint32_t, 4, 0)     \
  X(lock, uint32_t, 4, 0)          \
  X(lookupflags, uint32_t, 4, 0)   \
  X(mflags, uint8_t, 1, 0)         \
  X(mprot, uint8_t, 1, 0)          \
  X(msflags, uint8_t, 1, 0)        \
  X(nthreads, uint32_t, 4, 0)      \
  X(oflags, uint16_t, 2, 0)        \
  X(riflags, uint16_t, 2, 0)       \
  X(roflags, uint16_t, 2, 0)       \
  X(siflags, uint16_t, 2, 0)       \
  X(rights, uint64_t, 8, 0)        \
  X(scope, uint8_t, 1, 0)          \
  X(sdflags, uint8_t, 1, 0)        \
  X(signal, uint8_t, 1, 0)         \
  X(subclockflags, uint16_t, 2, 0) \
  X(subrwflags, uint16_t, 2, 0)    \
  X(tid, uint32_t, 4, 0)           \
  X(timestamp, uint64_t, 8, 0)     \
  X(ulflags, uint8_t, 1, 0)        \
  X(userdata, uint64_t, 8, 0)      \
  X(whence, uint8_t, 1, 0)
#define REF_SCALAR_COUNT 40

// §2.2 errno: X(type, name after CLOUDABI_, value). Alphabetical from 1.
#define REF_ERRNOS(X)           \
  X(errno, ESUCCESS, 0)         \
  X(errno, E2BIG, 1)            \
  X(errno, EACCES, 2)           \
  X(errno, EADDRINUSE, 3)       \
  X(errno, EADDRNOTAVAIL, 4)    \
  X(errno, EAFNOSUPPORT, 5)     \
  X(errno, EAGAIN, 6)           \
  X(errno, EALREADY, 7)         \
  X(errno, EBADF, 8)            \
  X(errno, EBADMSG, 9)          \
  X(errno, EBUSY, 10)           \
  X(errno, ECANCELED, 11)       \
  X(errno, ECHILD, 12)          \
  X(errno, ECONNABORTED, 13)    \
  X(errno, ECONNREFUSED, 14)    \
  X(errno, ECONNRESET, 15)      \
  X(errno, EDEADLK, 16)         \
  X(errno, EDESTADDRREQ, 17)    \
  X(errno, EDOM, 18)            \
  X(errno, EDQUOT, 19)          \
  X(errno, EEXIST, 20)          \
  X(errno, EFAULT, 21)          \
  X(errno, EFBIG, 22)           \
  X(errno, EHOSTUNREACH, 23)    \
  X(errno, EIDRM, 24)           \
  X(errno, EILSEQ, 25)          \
  X(errno, EINPROGRESS, 26)     \
  X(errno, EINTR, 27)           \
  X(errno, EINVAL, 28)          \
  X(errno, EIO, 29)             \
  X(errno, EISCONN, 30)         \
  X(errno, EISDIR, 31)          \
  X(errno, ELOOP, 32)           \
  X(errno, EMFILE, 33)          \
  X(errno, EMLINK, 34)          \
  X(errno, EMSGSIZE, 35)        \
  X(errno, EMULTIHOP, 36)       \
  X(errno, ENAMETOOLONG, 37)    \
  X(errno, ENETDOWN, 38)        \
  X(errno, ENETRESET, 39)       \
  X(errno, ENETUNREACH, 40)     \
  X(errno, ENFILE, 41)          \
  X(errno, ENOBUFS, 42)         \
  X(errno, ENODEV, 43)          \
  X(errno, ENOENT, 44)          \
  X(errno, ENOEXEC, 45)         \
  X(errno, ENOLCK, 46)          \
  X(errno, ENOLINK, 47)         \
  X(errno, ENOMEM, 48)          \
  X(errno, ENOMSG, 49)          \
  X(errno, ENOPROTOOPT, 50)     \
  X(errno, ENOSPC, 51)          \
  X(errno, ENOSYS, 52)          \
  X(errno, ENOTCONN, 53)        \
  X(errno, ENOTDIR, 54)         \
  X(errno, ENOTEMPTY, 55)       \
  X(errno, ENOTRECOVERABLE, 56) \
  X(errno, ENOTSOCK, 57)        \
  X(errno, ENOTSUP, 58)         \
  X(errno, ENOTTY, 59)          \
  X(errno, ENXIO, 60)           \
  X(errno, EOVERFLOW, 61)       \
  X(errno, EOWNERDEAD, 62)      \
  X(errno, EPERM, 63)           \
  X(errno, EPIPE, 64)           \
  X(errno, EPROTO, 65)          \
  X(errno, EPROTONOSUPPORT, 66) \
  X(errno, EPROTOTYPE, 67)      \
  X(errno, ERANGE, 68)          \
  X(errno, EROFS, 69)           \
  X(errno, ESPIPE, 70)          \
  X(errno, ESRCH, 71)           \
  X(errno, ESTALE, 72)          \
  X(errno, ETIMEDOUT, 73)       \
  X(errno, ETXTBSY, 74)         \
  X(errno, EXDEV, 75)           \
  X(errno, ENOTCAPABLE, 76)
#define REF_ERRNO_COUNT 77

// §2.3 rights (the unused bits 0x800, 0x20000000, 0x80000000 and
// 0x200000000..0x4000000000 have no name).
#define REF_RIGHTS(X)                              \
  X(rights, RIGHT_FD_DATASYNC, 0x1)                \
  X(rights, RIGHT_FD_READ, 0x2)                    \
  X(rights, RIGHT_FD_SEEK, 0x4)                    \
  X(rights, RIGHT_FD_STAT_PUT_FLAGS, 0x8)          \
  X(rights, RIGHT_FD_SYNC, 0x10)                   \
  X(rights, RIGHT_FD_TELL, 0x20)                   \
  X(rights, RIGHT_FD_WRITE, 0x40)                  \
  X(rights, RIGHT_FILE_ADVISE, 0x80)               \
  X(rights, RIGHT_FILE_ALLOCATE, 0x100)            \
  X(rights, RIGHT_FILE_CREATE_DIRECTORY, 0x200)    \
  X(rights, RIGHT_FILE_CREATE_FILE, 0x400)         \
  X(rights, RIGHT_FILE_LINK_SOURCE, 0x1000)        \
  X(rights, RIGHT_FILE_LINK_TARGET, 0x2000)        \
  X(rights, RIGHT_FILE_OPEN, 0x4000)               \
  X(rights, RIGHT_FILE_READDIR, 0x8000)            \
  X(rights, RIGHT_FILE_READLINK, 0x10000)          \
  X(rights, RIGHT_FILE_RENAME_SOURCE, 0x20000)     \
  X(rights, RIGHT_FILE_RENAME_TARGET, 0x40000)     \
  X(rights, RIGHT_FILE_STAT_FGET, 0x80000)         \
  X(rights, RIGHT_FILE_STAT_FPUT_SIZE, 0x100000)   \
  X(rights, RIGHT_FILE_STAT_FPUT_TIMES, 0x200000)  \
  X(rights, RIGHT_FILE_STAT_GET, 0x400000)         \
  X(rights, RIGHT_FILE_STAT_PUT_TIMES, 0x800000)   \
  X(rights, RIGHT_FILE_SYMLINK, 0x1000000)         \
  X(rights, RIGHT_FILE_UNLINK, 0x2000000)          \
  X(rights, RIGHT_MEM_MAP, 0x4000000)              \
  X(rights, RIGHT_MEM_MAP_EXEC, 0x8000000)         \
  X(rights, RIGHT_POLL_FD_READWRITE, 0x10000000)   \
  X(rights, RIGHT_POLL_PROC_TERMINATE, 0x40000000) \
  X(rights, RIGHT_PROC_EXEC, 0x100000000)          \
  X(rights, RIGHT_SOCK_SHUTDOWN, 0x8000000000)
#define REF_RIGHT_COUNT 31
// "RIGHTS_ALL (all 31 defined bits = 0x815FFFF7FF)".
#define REF_RIGHTS_ALL 0x815FFFF7FFull

// §2.4 filetype.
#define REF_FILETYPES(X)                       \
  X(filetype, FILETYPE_UNKNOWN, 0x00)          \
  X(filetype, FILETYPE_BLOCK_DEVICE, 0x10)     \
  X(filetype, FILETYPE_CHARACTER_DEVICE, 0x11) \
  X(filetype, FILETYPE_DIRECTORY, 0x20)        \
  X(filetype, FILETYPE_PROCESS, 0x50)          \
  X(filetype, FILETYPE_REGULAR_FILE, 0x60)     \
  X(filetype, FILETYPE_SHARED_MEMORY, 0x70)    \
  X(filetype, FILETYPE_SOCKET_DGRAM, 0x80)     \
  X(filetype, FILETYPE_SOCKET_STREAM, 0x82)    \
  X(filetype, FILETYPE_SYMBOLIC_LINK, 0x90)
#define REF_FILETYPE_COUNT 10

// §2.5 flags and small enums, plus the special values of §2.1.
#define REF_ENUMS(X)                                 \
  X(advice, ADVICE_DONTNEED, 1)                      \
  X(advice, ADVICE_NOREUSE, 2)                       \
  X(advice, ADVICE_NORMAL, 3)                        \
  X(advice, ADVICE_RANDOM, 4)                        \
  X(advice, ADVICE_SEQUENTIAL, 5)                    \
  X(advice, ADVICE_WILLNEED, 6)                      \
  X(clockid, CLOCK_MONOTONIC, 1)                     \
  X(clockid, CLOCK_PROCESS_CPUTIME_ID, 2)            \
  X(clockid, CLOCK_REALTIME, 3)                      \
  X(clockid, CLOCK_THREAD_CPUTIME_ID, 4)             \
  X(eventrwflags, EVENT_FD_READWRITE_HANGUP, 0x1)    \
  X(eventtype, EVENTTYPE_CLOCK, 1)                   \
  X(eventtype, EVENTTYPE_CONDVAR, 2)                 \
  X(eventtype, EVENTTYPE_FD_READ, 3)                 \
  X(eventtype, EVENTTYPE_FD_WRITE, 4)                \
  X(eventtype, EVENTTYPE_LOCK_RDLOCK, 5)             \
  X(eventtype, EVENTTYPE_LOCK_WRLOCK, 6)             \
  X(eventtype, EVENTTYPE_PROC_TERMINATE, 7)          \
  X(fdflags, FDFLAG_APPEND, 0x1)                     \
  X(fdflags, FDFLAG_DSYNC, 0x2)                      \
  X(fdflags, FDFLAG_NONBLOCK, 0x4)                   \
  X(fdflags, FDFLAG_RSYNC, 0x8)                      \
  X(fdflags, FDFLAG_SYNC, 0x10)                      \
  X(fdsflags, FDSTAT_FLAGS, 0x1)                     \
  X(fdsflags, FDSTAT_RIGHTS, 0x2)                    \
  X(fsflags, FILESTAT_ATIM, 0x1)                     \
  X(fsflags, FILESTAT_ATIM_NOW, 0x2)                 \
  X(fsflags, FILESTAT_MTIM, 0x4)                     \
  X(fsflags, FILESTAT_MTIM_NOW, 0x8)                 \
  X(fsflags, FILESTAT_SIZE, 0x10)                    \
  X(lock, LOCK_UNLOCKED, 0)                          \
  X(lock, LOCK_WRLOCKED, 0x40000000)                 \
  X(lock, LOCK_KERNEL_MANAGED, 0x80000000)           \
  X(lock, LOCK_BOGUS, 0x80000000)                    \
  X(lookupflags, LOOKUP_SYMLINK_FOLLOW, 0x1)         \
  X(mflags, MAP_ANON, 0x1)                           \
  X(mflags, MAP_FIXED, 0x2)                          \
  X(mflags, MAP_PRIVATE, 0x4)                        \
  X(mflags, MAP_SHARED, 0x8)                         \
  X(mprot, PROT_EXEC, 0x1)                           \
  X(mprot, PROT_WRITE, 0x2)                          \
  X(mprot, PROT_READ, 0x4)                           \
  X(msflags, MS_ASYNC, 0x1)                          \
  X(msflags, MS_INVALIDATE, 0x2)                     \
  X(msflags, MS_SYNC, 0x4)                           \
  X(oflags, O_CREAT, 0x1)                            \
  X(oflags, O_DIRECTORY, 0x2)                        \
  X(oflags, O_EXCL, 0x4)                             \
  X(oflags, O_TRUNC, 0x8)                            \
  X(riflags, SOCK_RECV_PEEK, 0x4)                    \
  X(riflags, SOCK_RECV_WAITALL, 0x10)                \
  X(roflags, SOCK_RECV_FDS_TRUNCATED, 0x1)           \
  X(roflags, SOCK_RECV_DATA_TRUNCATED, 0x8)          \
  X(scope, SCOPE_PRIVATE, 4)                         \
  X(scope, SCOPE_SHARED, 8)                          \
  X(sdflags, SHUT_RD, 0x1)                           \
  X(sdflags, SHUT_WR, 0x2)                           \
  X(subclockflags, SUBSCRIPTION_CLOCK_ABSTIME, 0x1)  \
  X(subrwflags, SUBSCRIPTION_FD_READWRITE_POLL, 0x1) \
  X(ulflags, UNLINK_REMOVEDIR, 0x1)                  \
  X(whence, WHENCE_CUR, 1)                           \
  X(whence, WHENCE_END, 2)                           \
  X(whence, WHENCE_SET, 3)                           \
  X(condvar, CONDVAR_HAS_NO_WAITERS, 0)              \
  X(dircookie, DIRCOOKIE_START, 0)                   \
  X(fd, PROCESS_CHILD, 0xFFFFFFFF)                   \
  X(fd, MAP_ANON_FD, 0xFFFFFFFF)
#define REF_ENUM_COUNT 67

// §2.6 signals, alphabetical from 1.
#define REF_SIGNALS(X)     \
  X(signal, SIGABRT, 1)    \
  X(signal, SIGALRM, 2)    \
  X(signal, SIGBUS, 3)     \
  X(signal, SIGCHLD, 4)    \
  X(signal, SIGCONT, 5)    \
  X(signal, SIGFPE, 6)     \
  X(signal, SIGHUP, 7)     \
  X(signal, SIGILL, 8)     \
  X(signal, SIGINT, 9)     \
  X(signal, SIGKILL, 10)   \
  X(signal, SIGPIPE, 11)   \
  X(signal, SIGQUIT, 12)   \
  X(signal, SIGSEGV, 13)   \
  X(signal, SIGSTOP, 14)   \
  X(signal, SIGSYS, 15)    \
  X(signal, SIGTERM, 16)   \
  X(signal, SIGTRAP, 17)   \
  X(signal, SIGTSTP, 18)   \
  X(signal, SIGTTIN, 19)   \
  X(signal, SIGTTOU, 20)   \
  X(signal, SIGURG, 21)    \
  X(signal, SIGUSR1, 22)   \
  X(signal, SIGUSR2, 23)   \
  X(signal, SIGVTALRM, 24) \
  X(signal, SIGXCPU, 25)   \
  X(signal, SIGXFSZ, 26)
#define REF_SIGNAL_COUNT 26

// §2.7 auxv entry types.
#define REF_AUXTYPES(X)            \
  X(auxtype, AT_NULL, 0)           \
  X(auxtype, AT_PHDR, 3)           \
  X(auxtype, AT_PHNUM, 4)          \
  X(auxtype, AT_PAGESZ, 6)         \
  X(auxtype, AT_BASE, 7)           \
  X(auxtype, AT_ARGDATA, 256)      \
  X(auxtype, AT_ARGDATALEN, 257)   \
  X(auxtype, AT_CANARY, 258)       \
  X(auxtype, AT_CANARYLEN, 259)    \
  X(auxtype, AT_NCPUS, 260)        \
  X(auxtype, AT_TID, 261)          \
  X(auxtype, AT_SYSINFO_EHDR, 262) \
  X(auxtype, AT_PID, 263)
#define REF_AUXTYPE_COUNT 13

// §2.8 struct sizes and alignments: X(name, size, align).
#define REF_STRUCTS(X)   \
  X(auxv, 16, 8)         \
  X(ciovec, 16, 8)       \
  X(iovec, 16, 8)        \
  X(dirent, 24, 8)       \
  X(event, 32, 8)        \
  X(fdstat, 24, 8)       \
  X(filestat, 56, 8)     \
  X(lookup, 8, 4)        \
  X(recv_in, 40, 8)      \
  X(recv_out, 64, 8)     \
  X(send_in, 40, 8)      \
  X(send_out, 8, 8)      \
  X(subscription, 56, 8) \
  X(tcb, 8, 8)           \
  X(threadattr, 32, 8)
#define REF_STRUCT_COUNT 15

// §2.8 field offsets and sizes: X(struct, member designator, offset, size).
// Union members are reached through their variant name (anonymous union).
#define REF_FIELDS(X)                           \
  X(auxv, a_type, 0, 4)                         \
  X(auxv, a_val, 8, 8)                          \
  X(auxv, a_ptr, 8, 8)                          \
  X(ciovec, buf, 0, 8)                          \
  X(ciovec, buf_len, 8, 8)                      \
  X(iovec, buf, 0, 8)                           \
  X(iovec, buf_len, 8, 8)                       \
  X(dirent, d_next, 0, 8)                       \
  X(dirent, d_ino, 8, 8)                        \
  X(dirent, d_namlen, 16, 4)                    \
  X(dirent, d_type, 20, 1)                      \
  X(event, userdata, 0, 8)                      \
  X(event, error, 8, 2)                         \
  X(event, type, 10, 1)                         \
  X(event, fd_readwrite.nbytes, 16, 8)          \
  X(event, fd_readwrite.unused, 24, 4)          \
  X(event, fd_readwrite.flags, 28, 2)           \
  X(event, proc_terminate.unused, 16, 4)        \
  X(event, proc_terminate.signal, 20, 1)        \
  X(event, proc_terminate.exitcode, 24, 4)      \
  X(fdstat, fs_filetype, 0, 1)                  \
  X(fdstat, fs_flags, 2, 2)                     \
  X(fdstat, fs_rights_base, 8, 8)               \
  X(fdstat, fs_rights_inheriting, 16, 8)        \
  X(filestat, st_dev, 0, 8)                     \
  X(filestat, st_ino, 8, 8)                     \
  X(filestat, st_filetype, 16, 1)               \
  X(filestat, st_nlink, 20, 4)                  \
  X(filestat, st_size, 24, 8)                   \
  X(filestat, st_atim, 32, 8)                   \
  X(filestat, st_mtim, 40, 8)                   \
  X(filestat, st_ctim, 48, 8)                   \
  X(lookup, fd, 0, 4)                           \
  X(lookup, flags, 4, 4)                        \
  X(recv_in, ri_data, 0, 8)                     \
  X(recv_in, ri_data_len, 8, 8)                 \
  X(recv_in, ri_fds, 16, 8)                     \
  X(recv_in, ri_fds_len, 24, 8)                 \
  X(recv_in, ri_flags, 32, 2)                   \
  X(recv_out, ro_datalen, 0, 8)                 \
  X(recv_out, ro_fdslen, 8, 8)                  \
  X(recv_out, ro_unused, 16, 40)                \
  X(recv_out, ro_flags, 56, 2)                  \
  X(send_in, si_data, 0, 8)                     \
  X(send_in, si_data_len, 8, 8)                 \
  X(send_in, si_fds, 16, 8)                     \
  X(send_in, si_fds_len, 24, 8)                 \
  X(send_in, si_flags, 32, 2)                   \
  X(send_out, so_datalen, 0, 8)                 \
  X(subscription, userdata, 0, 8)               \
  X(subscription, unused, 8, 2)                 \
  X(subscription, type, 10, 1)                  \
  X(subscription, clock.identifier, 16, 8)      \
  X(subscription, clock.clock_id, 24, 4)        \
  X(subscription, clock.timeout, 32, 8)         \
  X(subscription, clock.precision, 40, 8)       \
  X(subscription, clock.flags, 48, 2)           \
  X(subscription, condvar.condvar, 16, 8)       \
  X(subscription, condvar.lock, 24, 8)          \
  X(subscription, condvar.condvar_scope, 32, 1) \
  X(subscription, condvar.lock_scope, 33, 1)    \
  X(subscription, fd_readwrite.fd, 16, 4)       \
  X(subscription, fd_readwrite.flags, 20, 2)    \
  X(subscription, lock.lock, 16, 8)             \
  X(subscription, lock.lock_scope, 24, 1)       \
  X(subscription, proc_terminate.fd, 16, 4)     \
  X(tcb, parent, 0, 8)                          \
  X(threadattr, entry_point, 0, 8)              \
  X(threadattr, stack, 8, 8)                    \
  X(threadattr, stack_len, 16, 8)               \
  X(threadattr, argument, 24, 8)
#define REF_FIELD_COUNT 71

// §2.8 field types where the reference names them: X(struct, member, type).
#define REF_FIELD_TYPES(X)                                           \
  X(auxv, a_type, cloudabi_auxtype_t)                                \
  X(auxv, a_val, size_t)                                             \
  X(auxv, a_ptr, void *)                                             \
  X(ciovec, buf_len, size_t)                                         \
  X(iovec, buf_len, size_t)                                          \
  X(dirent, d_next, cloudabi_dircookie_t)                            \
  X(dirent, d_ino, cloudabi_inode_t)                                 \
  X(dirent, d_namlen, uint32_t)                                      \
  X(dirent, d_type, cloudabi_filetype_t)                             \
  X(event, userdata, cloudabi_userdata_t)                            \
  X(event, error, cloudabi_errno_t)                                  \
  X(event, type, cloudabi_eventtype_t)                               \
  X(event, fd_readwrite.nbytes, cloudabi_filesize_t)                 \
  X(event, fd_readwrite.flags, cloudabi_eventrwflags_t)              \
  X(event, proc_terminate.signal, cloudabi_signal_t)                 \
  X(event, proc_terminate.exitcode, cloudabi_exitcode_t)             \
  X(fdstat, fs_filetype, cloudabi_filetype_t)                        \
  X(fdstat, fs_flags, cloudabi_fdflags_t)                            \
  X(fdstat, fs_rights_base, cloudabi_rights_t)                       \
  X(fdstat, fs_rights_inheriting, cloudabi_rights_t)                 \
  X(filestat, st_dev, cloudabi_device_t)                             \
  X(filestat, st_ino, cloudabi_inode_t)                              \
  X(filestat, st_filetype, cloudabi_filetype_t)                      \
  X(filestat, st_nlink, cloudabi_linkcount_t)                        \
  X(filestat, st_size, cloudabi_filesize_t)                          \
  X(filestat, st_atim, cloudabi_timestamp_t)                         \
  X(filestat, st_mtim, cloudabi_timestamp_t)                         \
  X(filestat, st_ctim, cloudabi_timestamp_t)                         \
  X(lookup, fd, cloudabi_fd_t)                                       \
  X(lookup, flags, cloudabi_lookupflags_t)                           \
  X(recv_in, ri_data_len, size_t)                                    \
  X(recv_in, ri_fds, cloudabi_fd_t *)                                \
  X(recv_in, ri_fds_len, size_t)                                     \
  X(recv_in, ri_flags, cloudabi_riflags_t)                           \
  X(recv_out, ro_datalen, size_t)                                    \
  X(recv_out, ro_fdslen, size_t)                                     \
  X(recv_out, ro_flags, cloudabi_roflags_t)                          \
  X(send_in, si_data_len, size_t)                                    \
  X(send_in, si_fds_len, size_t)                                     \
  X(send_in, si_flags, cloudabi_siflags_t)                           \
  X(send_out, so_datalen, size_t)                                    \
  X(subscription, userdata, cloudabi_userdata_t)                     \
  X(subscription, unused, uint16_t)                                  \
  X(subscription, type, cloudabi_eventtype_t)                        \
  X(subscription, clock.identifier, cloudabi_userdata_t)             \
  X(subscription, clock.clock_id, cloudabi_clockid_t)                \
  X(subscription, clock.timeout, cloudabi_timestamp_t)               \
  X(subscription, clock.precision, cloudabi_timestamp_t)             \
  X(subscription, clock.flags, cloudabi_subclockflags_t)             \
  X(subscription, condvar.condvar, REF_ATOMIC(cloudabi_condvar_t) *) \
  X(subscription, condvar.lock, REF_ATOMIC(cloudabi_lock_t) *)       \
  X(subscription, condvar.condvar_scope, cloudabi_scope_t)           \
  X(subscription, condvar.lock_scope, cloudabi_scope_t)              \
  X(subscription, fd_readwrite.fd, cloudabi_fd_t)                    \
  X(subscription, fd_readwrite.flags, cloudabi_subrwflags_t)         \
  X(subscription, lock.lock, REF_ATOMIC(cloudabi_lock_t) *)          \
  X(subscription, lock.lock_scope, cloudabi_scope_t)                 \
  X(subscription, proc_terminate.fd, cloudabi_fd_t)                  \
  X(tcb, parent, void *)                                             \
  X(threadattr, entry_point, cloudabi_threadentry_t *)               \
  X(threadattr, stack, void *)                                       \
  X(threadattr, stack_len, size_t)                                   \
  X(threadattr, argument, void *)

// §1 system calls in numbering order:
// X(number, name, C parameter count, noreturn, return type, parameter types...)
#define REF_SYSCALLS(X)                                                                            \
  X(0, clock_res_get, 2, 0, cloudabi_errno_t, cloudabi_clockid_t, cloudabi_timestamp_t *)          \
  X(1, clock_time_get, 3, 0, cloudabi_errno_t, cloudabi_clockid_t, cloudabi_timestamp_t,           \
    cloudabi_timestamp_t *)                                                                        \
  X(2, condvar_signal, 3, 0, cloudabi_errno_t, REF_ATOMIC(cloudabi_condvar_t) *, cloudabi_scope_t, \
    cloudabi_nthreads_t)                                                                           \
  X(3, fd_close, 1, 0, cloudabi_errno_t, cloudabi_fd_t)                                            \
  X(4, fd_create1, 2, 0, cloudabi_errno_t, cloudabi_filetype_t, cloudabi_fd_t *)                   \
  X(5, fd_create2, 3, 0, cloudabi_errno_t, cloudabi_filetype_t, cloudabi_fd_t *, cloudabi_fd_t *)  \
  X(6, fd_datasync, 1, 0, cloudabi_errno_t, cloudabi_fd_t)                                         \
  X(7, fd_dup, 2, 0, cloudabi_errno_t, cloudabi_fd_t, cloudabi_fd_t *)                             \
  X(8, fd_pread, 5, 0, cloudabi_errno_t, cloudabi_fd_t, const cloudabi_iovec_t *, size_t,          \
    cloudabi_filesize_t, size_t *)                                                                 \
  X(9, fd_pwrite, 5, 0, cloudabi_errno_t, cloudabi_fd_t, const cloudabi_ciovec_t *, size_t,        \
    cloudabi_filesize_t, size_t *)                                                                 \
  X(10, fd_read, 4, 0, cloudabi_errno_t, cloudabi_fd_t, const cloudabi_iovec_t *, size_t,          \
    size_t *)                                                                                      \
  X(11, fd_replace, 2, 0, cloudabi_errno_t, cloudabi_fd_t, cloudabi_fd_t)                          \
  X(12, fd_seek, 4, 0, cloudabi_errno_t, cloudabi_fd_t, cloudabi_filedelta_t, cloudabi_whence_t,   \
    cloudabi_filesize_t *)                                                                         \
  X(13, fd_stat_get, 2, 0, cloudabi_errno_t, cloudabi_fd_t, cloudabi_fdstat_t *)                   \
  X(14, fd_stat_put, 3, 0, cloudabi_errno_t, cloudabi_fd_t, const cloudabi_fdstat_t *,             \
    cloudabi_fdsflags_t)                                                                           \
  X(15, fd_sync, 1, 0, cloudabi_errno_t, cloudabi_fd_t)                                            \
  X(16, fd_write, 4, 0, cloudabi_errno_t, cloudabi_fd_t, const cloudabi_ciovec_t *, size_t,        \
    size_t *)                                                                                      \
  X(17, file_advise, 4, 0, cloudabi_errno_t, cloudabi_fd_t, cloudabi_filesize_t,                   \
    cloudabi_filesize_t, cloudabi_advice_t)                                                        \
  X(18, file_allocate, 3, 0, cloudabi_errno_t, cloudabi_fd_t, cloudabi_filesize_t,                 \
    cloudabi_filesize_t)                                                                           \
  X(19, file_create, 4, 0, cloudabi_errno_t, cloudabi_fd_t, const char *, size_t,                  \
    cloudabi_filetype_t)                                                                           \
  X(20, file_link, 6, 0, cloudabi_errno_t, cloudabi_lookup_t, const char *, size_t, cloudabi_fd_t, \
    const char *, size_t)                                                                          \
  X(21, file_open, 6, 0, cloudabi_errno_t, cloudabi_lookup_t, const char *, size_t,                \
    cloudabi_oflags_t, const cloudabi_fdstat_t *, cloudabi_fd_t *)                                 \
  X(22, file_readdir, 5, 0, cloudabi_errno_t, cloudabi_fd_t, void *, size_t, cloudabi_dircookie_t, \
    size_t *)                                                                                      \
  X(23, file_readlink, 6, 0, cloudabi_errno_t, cloudabi_fd_t, const char *, size_t, char *,        \
    size_t, size_t *)                                                                              \
  X(24, file_rename, 6, 0, cloudabi_errno_t, cloudabi_fd_t, const char *, size_t, cloudabi_fd_t,   \
    const char *, size_t)                                                                          \
  X(25, file_stat_fget, 2, 0, cloudabi_errno_t, cloudabi_fd_t, cloudabi_filestat_t *)              \
  X(26, file_stat_fput, 3, 0, cloudabi_errno_t, cloudabi_fd_t, const cloudabi_filestat_t *,        \
    cloudabi_fsflags_t)                                                                            \
  X(27, file_stat_get, 4, 0, cloudabi_errno_t, cloudabi_lookup_t, const char *, size_t,            \
    cloudabi_filestat_t *)                                                                         \
  X(28, file_stat_put, 5, 0, cloudabi_errno_t, cloudabi_lookup_t, const char *, size_t,            \
    const cloudabi_filestat_t *, cloudabi_fsflags_t)                                               \
  X(29, file_symlink, 5, 0, cloudabi_errno_t, const char *, size_t, cloudabi_fd_t, const char *,   \
    size_t)                                                                                        \
  X(30, file_unlink, 4, 0, cloudabi_errno_t, cloudabi_fd_t, const char *, size_t,                  \
    cloudabi_ulflags_t)                                                                            \
  X(31, lock_unlock, 2, 0, cloudabi_errno_t, REF_ATOMIC(cloudabi_lock_t) *, cloudabi_scope_t)      \
  X(32, mem_advise, 3, 0, cloudabi_errno_t, void *, size_t, cloudabi_advice_t)                     \
  X(33, mem_map, 7, 0, cloudabi_errno_t, void *, size_t, cloudabi_mprot_t, cloudabi_mflags_t,      \
    cloudabi_fd_t, cloudabi_filesize_t, void **)                                                   \
  X(34, mem_protect, 3, 0, cloudabi_errno_t, void *, size_t, cloudabi_mprot_t)                     \
  X(35, mem_sync, 3, 0, cloudabi_errno_t, void *, size_t, cloudabi_msflags_t)                      \
  X(36, mem_unmap, 2, 0, cloudabi_errno_t, void *, size_t)                                         \
  X(37, poll, 4, 0, cloudabi_errno_t, const cloudabi_subscription_t *, cloudabi_event_t *, size_t, \
    size_t *)                                                                                      \
  X(38, proc_exec, 5, 0, cloudabi_errno_t, cloudabi_fd_t, const void *, size_t,                    \
    const cloudabi_fd_t *, size_t)                                                                 \
  X(39, proc_exit, 1, 1, void, cloudabi_exitcode_t)                                                \
  X(40, proc_fork, 2, 0, cloudabi_errno_t, cloudabi_fd_t *, cloudabi_tid_t *)                      \
  X(41, proc_raise, 1, 0, cloudabi_errno_t, cloudabi_signal_t)                                     \
  X(42, random_get, 2, 0, cloudabi_errno_t, void *, size_t)                                        \
  X(43, sock_recv, 3, 0, cloudabi_errno_t, cloudabi_fd_t, const cloudabi_recv_in_t *,              \
    cloudabi_recv_out_t *)                                                                         \
  X(44, sock_send, 3, 0, cloudabi_errno_t, cloudabi_fd_t, const cloudabi_send_in_t *,              \
    cloudabi_send_out_t *)                                                                         \
  X(45, sock_shutdown, 2, 0, cloudabi_errno_t, cloudabi_fd_t, cloudabi_sdflags_t)                  \
  X(46, thread_create, 2, 0, cloudabi_errno_t, cloudabi_threadattr_t *, cloudabi_tid_t *)          \
  X(47, thread_exit, 2, 1, void, REF_ATOMIC(cloudabi_lock_t) *, cloudabi_scope_t)                  \
  X(48, thread_yield, 0, 0, cloudabi_errno_t, void)
#define REF_SYSCALL_COUNT 49

#endif
