// limits.h: implementation limits.
//
// Features missing:
// - BC_BASE_MAX, BC_DIM_MAX, BC_SCALE_MAX, BC_STRING_MAX, COLL_WEIGHTS_MAX,
//   EXPR_NEST_MAX, LINE_MAX, NL_MSGMAX,
//   NL_SETMAX, NZERO: limits of command-line utilities and process
//   priorities, which do not exist here.
// - NAME_MAX, PATH_MAX: the limits depend on the file system behind each
//   directory descriptor; there is no single constant.
#ifndef _LIMITS_H_
#define _LIMITS_H_

#define CHAR_BIT __CHAR_BIT__
#define SCHAR_MAX __SCHAR_MAX__
#define SCHAR_MIN (-SCHAR_MAX - 1)
#define UCHAR_MAX (SCHAR_MAX * 2 + 1)
#ifdef __CHAR_UNSIGNED__
#define CHAR_MIN 0
#define CHAR_MAX UCHAR_MAX
#else
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#endif
#define SHRT_MAX __SHRT_MAX__
#define SHRT_MIN (-SHRT_MAX - 1)
#define USHRT_MAX (SHRT_MAX * 2 + 1)
#define INT_MAX __INT_MAX__
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX (INT_MAX * 2U + 1U)
#define LONG_MAX __LONG_MAX__
#define LONG_MIN (-LONG_MAX - 1L)
#define ULONG_MAX (LONG_MAX * 2UL + 1UL)
#define LLONG_MAX __LONG_LONG_MAX__
#define LLONG_MIN (-LLONG_MAX - 1LL)
#define ULLONG_MAX (LLONG_MAX * 2ULL + 1ULL)
#define MB_LEN_MAX 4
#define SSIZE_MAX LONG_MAX
#define WORD_BIT 32
#define LONG_BIT 64

// Run-time invariant values.
#define ARG_MAX 2097152
#define ATEXIT_MAX 32
#define IOV_MAX 1024
#define PAGESIZE 4096
#define PAGE_SIZE PAGESIZE
#define PTHREAD_DESTRUCTOR_ITERATIONS 4
#define PTHREAD_KEYS_MAX 128
#define PTHREAD_STACK_MIN 1024
#define SEM_NSEMS_MAX 256
#define SEM_VALUE_MAX 0x7fffffff
#define SYMLOOP_MAX 32
#define TTY_NAME_MAX 9
#define TZNAME_MAX 6

// Pathname variable values (minimum guarantees).
#define FILESIZEBITS 64
#define LINK_MAX 32767
#define PIPE_BUF 512
#define POSIX_ALLOC_SIZE_MIN 4096
#define POSIX_REC_INCR_XFER_SIZE 4096
#define POSIX_REC_MAX_XFER_SIZE 4096
#define POSIX_REC_MIN_XFER_SIZE 4096
#define POSIX_REC_XFER_ALIGN 4096
#define SYMLINK_MAX 1024

// Run-time increasable values.
#define CHARCLASS_NAME_MAX 14
#define RE_DUP_MAX 255

// Other invariant values.
#define NL_ARGMAX 9
#define NL_LANGMAX 14
#define NL_TEXTMAX 255

// Minimum values POSIX guarantees.
#define _POSIX_AIO_LISTIO_MAX 2
#define _POSIX_AIO_MAX 1
#define _POSIX_ARG_MAX 4096
#define _POSIX_CHILD_MAX 25
#define _POSIX_DELAYTIMER_MAX 32
#define _POSIX_HOST_NAME_MAX 255
#define _POSIX_LINK_MAX 8
#define _POSIX_LOGIN_NAME_MAX 9
#define _POSIX_MAX_CANON 255
#define _POSIX_MAX_INPUT 255
#define _POSIX_MQ_OPEN_MAX 8
#define _POSIX_MQ_PRIO_MAX 32
#define _POSIX_NAME_MAX 14
#define _POSIX_NGROUPS_MAX 8
#define _POSIX_OPEN_MAX 20
#define _POSIX_PATH_MAX 256
#define _POSIX_PIPE_BUF 512
#define _POSIX_RE_DUP_MAX 255
#define _POSIX_RTSIG_MAX 8
#define _POSIX_SEM_NSEMS_MAX 256
#define _POSIX_SEM_VALUE_MAX 32767
#define _POSIX_SIGQUEUE_MAX 32
#define _POSIX_SSIZE_MAX 32767
#define _POSIX_STREAM_MAX 8
#define _POSIX_SYMLINK_MAX 255
#define _POSIX_SYMLOOP_MAX 8
#define _POSIX_THREAD_DESTRUCTOR_ITERATIONS 4
#define _POSIX_THREAD_KEYS_MAX 128
#define _POSIX_THREAD_THREADS_MAX 64
#define _POSIX_TIMER_MAX 32
#define _POSIX_TTY_NAME_MAX 9
#define _POSIX_TZNAME_MAX 6
#define _POSIX2_BC_BASE_MAX 99
#define _POSIX2_BC_DIM_MAX 2048
#define _POSIX2_BC_SCALE_MAX 99
#define _POSIX2_BC_STRING_MAX 1000
#define _POSIX2_CHARCLASS_NAME_MAX 14
#define _POSIX2_COLL_WEIGHTS_MAX 2
#define _POSIX2_EXPR_NEST_MAX 32
#define _POSIX2_LINE_MAX 2048
#define _POSIX2_RE_DUP_MAX 255
#define _XOPEN_IOV_MAX 16
#define _XOPEN_NAME_MAX 255
#define _XOPEN_PATH_MAX 1024

#endif
