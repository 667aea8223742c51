// Internal type definitions shared by the public headers, so that each header
// can expose exactly the names POSIX asks of it. Not for direct use.
#ifndef ___TYPES_H_
#define ___TYPES_H_

typedef __SIZE_TYPE__ __size_t;
typedef __PTRDIFF_TYPE__ __ssize_t;
typedef __INT64_TYPE__ __int64_t;
typedef __UINT64_TYPE__ __uint64_t;
typedef __INT32_TYPE__ __int32_t;
typedef __UINT32_TYPE__ __uint32_t;
typedef __UINT16_TYPE__ __uint16_t;
typedef __UINT8_TYPE__ __uint8_t;
typedef __INTPTR_TYPE__ __intptr_t;
typedef __UINTPTR_TYPE__ __uintptr_t;
typedef __INTMAX_TYPE__ __intmax_t;
typedef __UINTMAX_TYPE__ __uintmax_t;

#ifndef __cplusplus
typedef __WCHAR_TYPE__ __wchar_t;
#endif
typedef __WINT_TYPE__ __wint_t;
typedef __UINT_LEAST16_TYPE__ __char16_t;
typedef __UINT_LEAST32_TYPE__ __char32_t;

// File system and time types, with CloudABI's widths.
typedef __int64_t __blkcnt_t;
typedef __int64_t __blksize_t;
typedef __int64_t __clock_t;
typedef const struct __clockid *__clockid_t;
typedef __uint64_t __dev_t;
typedef __uint64_t __ino_t;
typedef __uint16_t __mode_t;
typedef __uint32_t __nlink_t;
typedef __int64_t __off_t;
typedef __int64_t __time_t;
typedef __int64_t __suseconds_t;
typedef __uint32_t __useconds_t;

// Sockets.
typedef __size_t __socklen_t;
typedef __uint8_t __sa_family_t;

// Locales are reference-counted objects; locale_t points at one.
typedef struct __locale *__locale_t;

// Conversion state of the multibyte functions: a partially decoded character
// (UTF-8) or a pending low surrogate (UTF-16 output of mbrtoc16).
typedef struct {
  __uint32_t __bytes;    // bytes of the current sequence seen so far
  __uint32_t __value;    // code point bits accumulated so far
  __uint32_t __pending;  // UTF-16: a low surrogate still to be returned
} __mbstate_t;

// Arguments of the variadic functions.
typedef __builtin_va_list __va_list;

// How a child process ended (pdwait(); signal.h and sys/procdesc.h).
struct __siginfo {
  int si_signo;   // SIGCHLD
  int si_code;    // CLD_KILLED or CLD_EXITED
  int si_status;  // the signal, or the exit status
};

#endif
