// stdio.h: buffered streams.
//
// CloudABI programs receive every resource as a descriptor. Streams are made
// from descriptors with fdopen(), from directory descriptors with fopenat(),
// or live in memory (fmemopen(), open_memstream(), tmpfile()).
//
// stderr starts out as a stream that discards what is written to it (reads
// fail with EBADF, seeks with ESPIPE). A program that received a descriptor
// for its diagnostics attaches it with:
//
//     FILE *f = fdopen(fd, "w");
//     fswap(stderr, f);
//     fclose(f);  // closes the old, discarding stream
//
// Extensions:
// - fopenat(): open a file relative to a directory descriptor.
// - fswap(): exchange the state of two streams. Replaces freopen().
// - asprintf(), vasprintf(): print into a newly allocated string.
// - *_l(): variants taking an explicit locale, which streams also carry
//   for their wide character conversions.
// - %m in the printf functions: strerror(errno).
//
// Features missing:
// - stdin, stdout, printf(), scanf(), vprintf(), vscanf(), puts(),
//   putchar(), putchar_unlocked(), getchar(), getchar_unlocked(), gets():
//   there is no standard input or output. Use fprintf() or dprintf() on a
//   descriptor the program was given.
// - fopen(), freopen(), rename(), remove(), tmpnam(), tempnam(), ctermid(),
//   L_ctermid, L_tmpnam, P_tmpdir, TMP_MAX: they need a global file system
//   namespace. Use fopenat(), renameat() and unlinkat(), and tmpfile().
// - popen(), pclose(): there is no shell to run commands with.
// - sprintf(), vsprintf(): they cannot know the size of the buffer. Use
//   snprintf() or asprintf(). _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS brings them
//   back for ported code, under reserved symbol names.
// - %n in the printf functions: writing through the argument list is a
//   classic format string attack; the conversion is accepted and ignored,
//   and consumes no argument.
#ifndef _STDIO_H_
#define _STDIO_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
typedef __size_t size_t;
#define _SIZE_T_DECLARED
#endif
#ifndef _SSIZE_T_DECLARED
typedef __ssize_t ssize_t;
#define _SSIZE_T_DECLARED
#endif
#ifndef _OFF_T_DECLARED
typedef __off_t off_t;
#define _OFF_T_DECLARED
#endif
#ifndef _VA_LIST_DECLARED
typedef __va_list va_list;
#define _VA_LIST_DECLARED
#endif
#ifndef _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#define _LOCALE_T_DECLARED
#endif
#ifndef _FILE_DECLARED
typedef struct __FILE FILE;
#define _FILE_DECLARED
#endif

typedef struct {
  off_t __offset;
  __mbstate_t __mbstate;
} fpos_t;

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

#define BUFSIZ 4096
#define EOF (-1)
#define FOPEN_MAX 16
#define FILENAME_MAX 1024

#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

// The values of CloudABI's whence.
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_SET 3

extern struct __FILE __stderr;
static FILE *const stderr = &__stderr;
#define stderr stderr

__BEGIN_DECLS
int asprintf(char **, const char *, ...) __printflike(2, 3);
int asprintf_l(char **, locale_t, const char *, ...) __printflike(3, 4);
void clearerr(FILE *);
int dprintf(int, const char *__restrict, ...) __printflike(2, 3);
int dprintf_l(int, locale_t, const char *__restrict, ...) __printflike(3, 4);
int fclose(FILE *);
FILE *fdopen(int, const char *);
FILE *fdopen_l(int, const char *, locale_t);
int feof(FILE *);
int ferror(FILE *);
int fflush(FILE *);
int fgetc(FILE *);
int fgetpos(FILE *__restrict, fpos_t *__restrict);
char *fgets(char *__restrict, int, FILE *__restrict);
int fileno(FILE *);
void flockfile(FILE *);
FILE *fmemopen(void *__restrict, size_t, const char *__restrict);
FILE *fmemopen_l(void *__restrict, size_t, const char *__restrict, locale_t);
FILE *fopenat(int, const char *__restrict, const char *__restrict);
FILE *fopenat_l(int, const char *__restrict, const char *__restrict, locale_t);
int fprintf(FILE *__restrict, const char *__restrict, ...) __printflike(2, 3);
int fprintf_l(FILE *__restrict, locale_t, const char *__restrict, ...) __printflike(3, 4);
int fputc(int, FILE *);
int fputs(const char *__restrict, FILE *__restrict);
size_t fread(void *__restrict, size_t, size_t, FILE *__restrict);
int fscanf(FILE *__restrict, const char *__restrict, ...) __scanflike(2, 3);
int fscanf_l(FILE *__restrict, locale_t, const char *__restrict, ...) __scanflike(3, 4);
int fseek(FILE *, long, int);
int fseeko(FILE *, off_t, int);
int fsetpos(FILE *, const fpos_t *);
void fswap(FILE *, FILE *);
long ftell(FILE *);
off_t ftello(FILE *);
int ftrylockfile(FILE *);
void funlockfile(FILE *);
size_t fwrite(const void *__restrict, size_t, size_t, FILE *__restrict);
int getc(FILE *);
int getc_unlocked(FILE *);
ssize_t getdelim(char **__restrict, size_t *__restrict, int, FILE *__restrict);
ssize_t getline(char **__restrict, size_t *__restrict, FILE *__restrict);
FILE *open_memstream(char **, size_t *);
FILE *open_memstream_l(char **, size_t *, locale_t);
void perror(const char *);
void perror_l(const char *, locale_t);
int putc(int, FILE *);
int putc_unlocked(int, FILE *);
int renameat(int, const char *, int, const char *);
void rewind(FILE *);
void setbuf(FILE *__restrict, char *__restrict);
int setvbuf(FILE *__restrict, char *__restrict, int, size_t);
int snprintf(char *__restrict, size_t, const char *__restrict, ...) __printflike(3, 4);
int snprintf_l(char *__restrict, size_t, locale_t, const char *__restrict, ...) __printflike(4, 5);
int sscanf(const char *__restrict, const char *__restrict, ...) __scanflike(2, 3);
int sscanf_l(const char *__restrict, locale_t, const char *__restrict, ...) __scanflike(3, 4);
FILE *tmpfile(void);
FILE *tmpfile_l(locale_t);
int ungetc(int, FILE *);
int vasprintf(char **, const char *, va_list) __printflike(2, 0);
int vasprintf_l(char **, locale_t, const char *, va_list) __printflike(3, 0);
int vdprintf(int, const char *__restrict, va_list) __printflike(2, 0);
int vdprintf_l(int, locale_t, const char *__restrict, va_list) __printflike(3, 0);
int vfprintf(FILE *__restrict, const char *__restrict, va_list) __printflike(2, 0);
int vfprintf_l(FILE *__restrict, locale_t, const char *__restrict, va_list) __printflike(3, 0);
int vfscanf(FILE *__restrict, const char *__restrict, va_list) __scanflike(2, 0);
int vfscanf_l(FILE *__restrict, locale_t, const char *__restrict, va_list) __scanflike(3, 0);
int vsnprintf(char *__restrict, size_t, const char *__restrict, va_list) __printflike(3, 0);
int vsnprintf_l(char *__restrict, size_t, locale_t, const char *__restrict, va_list)
    __printflike(4, 0);
int vsscanf(const char *__restrict, const char *__restrict, va_list) __scanflike(2, 0);
int vsscanf_l(const char *__restrict, locale_t, const char *__restrict, va_list) __scanflike(3, 0);

#ifdef _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS
int sprintf(char *__restrict, const char *__restrict, ...) __asm__("__sprintf") __printflike(2, 3);
int vsprintf(char *__restrict, const char *__restrict, va_list) __asm__("__vsprintf")
    __printflike(2, 0);
#endif
__END_DECLS

#endif
