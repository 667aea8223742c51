// Internal definitions shared by the public headers. Not for direct use.
#ifndef ___CDEFS_H_
#define ___CDEFS_H_

// The API this library implements: cloudlibc's, at the level of its 0.102
// headers.
#define __cloudlibc__ 1
#define __cloudlibc_major__ 0
#define __cloudlibc_minor__ 102

#ifdef __cplusplus
#define __BEGIN_DECLS extern "C" {
#define __END_DECLS }
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

// Attributes spelled so that they work in C89..C11 and C++98..C++20.
#define __noreturn __attribute__((__noreturn__))
#define __pure2 __attribute__((__const__))
#define __malloc_like __attribute__((__malloc__))
#define __printflike(fmt, args) __attribute__((__format__(__printf__, fmt, args)))
#define __scanflike(fmt, args) __attribute__((__format__(__scanf__, fmt, args)))
#define __strftimelike(fmt) __attribute__((__format__(__strftime__, fmt, 0)))
#define __warn_unused_result __attribute__((__warn_unused_result__))

#endif
