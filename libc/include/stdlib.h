// stdlib.h: general utilities.
//
// Extensions:
// - arc4random(), arc4random_buf(), arc4random_uniform(): random numbers from
//   a generator that is always securely seeded by the system.
// - qsort_r(): qsort() with an argument passed on to the comparator.
// - reallocarray(): realloc() of an array, with overflow checking.
// - MB_CUR_MAX_L(), *_l(): variants taking an explicit locale.
// - l64a_r(): thread-safe replacement of l64a().
//
// Features missing:
// - srand(), srandom(), srand48(), seed48(), lcong48(), initstate(),
//   setstate(): the random number generator cannot be seeded; rand(),
//   random() and *rand48() always return unpredictable numbers.
// - putenv(), setenv(), unsetenv(): there is no environment. getenv() exists
//   for portability but never finds anything.
// - mkstemp(), mkdtemp(), realpath(): require a global file system namespace.
//   Create files with openat() in a directory you were given, or use tmpfile().
// - system(), WEXITSTATUS(), WIFEXITED() and friends: there is no shell.
// - l64a(): not thread-safe; use l64a_r().
// - setkey(): there is no encryption database.
// - grantpt(), posix_openpt(), ptsname(), unlockpt(): there are no terminals.
#ifndef _STDLIB_H_
#define _STDLIB_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
typedef __size_t size_t;
#define _SIZE_T_DECLARED
#endif
#ifndef __cplusplus
#ifndef _WCHAR_T_DECLARED
typedef __wchar_t wchar_t;
#define _WCHAR_T_DECLARED
#endif
#endif
#ifndef _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#define _LOCALE_T_DECLARED
#endif

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff
// The functions without an _l suffix always use the C locale (ASCII).
#define MB_CUR_MAX ((size_t)1)

typedef struct {
  int quot;
  int rem;
} div_t;
typedef struct {
  long quot;
  long rem;
} ldiv_t;
typedef struct {
  long long quot;
  long long rem;
} lldiv_t;

__BEGIN_DECLS
__noreturn void _Exit(int);
long a64l(const char *);
__noreturn void abort(void);
int abs(int) __pure2;
void *aligned_alloc(size_t, size_t) __malloc_like;
__uint32_t arc4random(void);
void arc4random_buf(void *, size_t);
__uint32_t arc4random_uniform(__uint32_t);
int at_quick_exit(void (*)(void));
int atexit(void (*)(void));
double atof(const char *);
int atoi(const char *);
long atol(const char *);
long long atoll(const char *);
void *bsearch(const void *, const void *, size_t, size_t, int (*)(const void *, const void *));
void *calloc(size_t, size_t) __malloc_like;
div_t div(int, int) __pure2;
double drand48(void);
double erand48(unsigned short *);
__noreturn void exit(int);
void free(void *);
char *getenv(const char *);
int getsubopt(char **, char *const *, char **);
long jrand48(unsigned short *);
int l64a_r(long, char *, int);
long labs(long) __pure2;
ldiv_t ldiv(long, long) __pure2;
long long llabs(long long) __pure2;
lldiv_t lldiv(long long, long long) __pure2;
long lrand48(void);
void *malloc(size_t) __malloc_like;
size_t MB_CUR_MAX_L(locale_t);
int mblen(const char *, size_t);
int mblen_l(const char *, size_t, locale_t);
size_t mbstowcs(wchar_t *__restrict, const char *__restrict, size_t);
size_t mbstowcs_l(wchar_t *__restrict, const char *__restrict, size_t, locale_t);
int mbtowc(wchar_t *__restrict, const char *__restrict, size_t);
int mbtowc_l(wchar_t *__restrict, const char *__restrict, size_t, locale_t);
long mrand48(void);
long nrand48(unsigned short *);
int posix_memalign(void **, size_t, size_t);
void qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void qsort_r(void *, size_t, size_t, int (*)(const void *, const void *, void *), void *);
__noreturn void quick_exit(int);
int rand(void);
long random(void);
void *realloc(void *, size_t);
void *reallocarray(void *, size_t, size_t);
double strtod(const char *__restrict, char **__restrict);
double strtod_l(const char *__restrict, char **__restrict, locale_t);
float strtof(const char *__restrict, char **__restrict);
float strtof_l(const char *__restrict, char **__restrict, locale_t);
long strtol(const char *__restrict, char **__restrict, int);
long strtol_l(const char *__restrict, char **__restrict, int, locale_t);
long double strtold(const char *__restrict, char **__restrict);
long double strtold_l(const char *__restrict, char **__restrict, locale_t);
long long strtoll(const char *__restrict, char **__restrict, int);
long long strtoll_l(const char *__restrict, char **__restrict, int, locale_t);
unsigned long strtoul(const char *__restrict, char **__restrict, int);
unsigned long strtoul_l(const char *__restrict, char **__restrict, int, locale_t);
unsigned long long strtoull(const char *__restrict, char **__restrict, int);
unsigned long long strtoull_l(const char *__restrict, char **__restrict, int, locale_t);
size_t wcstombs(char *__restrict, const wchar_t *__restrict, size_t);
size_t wcstombs_l(char *__restrict, const wchar_t *__restrict, size_t, locale_t);
int wctomb(char *, wchar_t);
int wctomb_l(char *, wchar_t, locale_t);
__END_DECLS

#endif
