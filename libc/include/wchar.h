// wchar.h: wide characters.
//
// wchar_t holds a Unicode code point. The functions without an _l suffix use
// the C locale, whose character set is ASCII; pass LC_C_UNICODE_LOCALE (or a
// locale made by newlocale() with a ".UTF-8" name) to the *_l() variants to
// convert UTF-8.
//
// Extensions:
// - wcslcpy(), wcslcat(), wcsndup(), wmemmem(): wide counterparts of the
//   string.h extensions.
// - *_l(): variants taking an explicit locale.
// - aswprintf(), dwprintf(): wide counterparts of asprintf() and dprintf().
// - getwdelim(), getwline(): wide counterparts of getdelim() and getline().
// - wcsverscmp(): wide counterpart of strverscmp().
// - wcsptime(), wcsptime_l(): wide counterparts of strptime().
//
// Streams are byte oriented: the wide character stream functions convert
// with the stream's locale (the C locale unless made with an *_l()
// function), and fwide() only records an orientation.
//
// Features missing:
// - wcscpy(), wcscat(), wcsncat(), wcpcpy(): the size of the destination is
//   unknown to them. Use wcslcpy() and wcslcat(). Like the narrow versions,
//   they are available under _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS.
// - getwchar(), putwchar(), wprintf(), wscanf(), vwprintf(), vwscanf(): there
//   is no standard input or output.
// - open_wmemstream(): streams are byte oriented.
#ifndef _WCHAR_H_
#define _WCHAR_H_

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
#ifndef _WINT_T_DECLARED
typedef __wint_t wint_t;
#define _WINT_T_DECLARED
#endif
#ifndef _MBSTATE_T_DECLARED
typedef __mbstate_t mbstate_t;
#define _MBSTATE_T_DECLARED
#endif
#ifndef _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#define _LOCALE_T_DECLARED
#endif
#ifndef _VA_LIST_DECLARED
typedef __va_list va_list;
#define _VA_LIST_DECLARED
#endif
#ifndef _FILE_DECLARED
typedef struct __FILE FILE;
#define _FILE_DECLARED
#endif
struct tm;

#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif

#define WCHAR_MIN __WCHAR_MIN__
#define WCHAR_MAX __WCHAR_MAX__
#define WEOF ((wint_t)-1)

__BEGIN_DECLS
int aswprintf(wchar_t **, const wchar_t *, ...);
int aswprintf_l(wchar_t **, locale_t, const wchar_t *, ...);
wint_t btowc(int);
wint_t btowc_l(int, locale_t);
int dwprintf(int, const wchar_t *__restrict, ...);
int dwprintf_l(int, locale_t, const wchar_t *__restrict, ...);
wint_t fgetwc(FILE *);
wchar_t *fgetws(wchar_t *__restrict, int, FILE *__restrict);
wint_t fputwc(wchar_t, FILE *);
int fputws(const wchar_t *__restrict, FILE *__restrict);
int fwide(FILE *, int);
int fwprintf(FILE *__restrict, const wchar_t *__restrict, ...);
int fwprintf_l(FILE *__restrict, locale_t, const wchar_t *__restrict, ...);
int fwscanf(FILE *__restrict, const wchar_t *__restrict, ...);
int fwscanf_l(FILE *__restrict, locale_t, const wchar_t *__restrict, ...);
wint_t getwc(FILE *);
__ssize_t getwdelim(wchar_t **__restrict, size_t *__restrict, wint_t, FILE *__restrict);
__ssize_t getwline(wchar_t **__restrict, size_t *__restrict, FILE *__restrict);
size_t mbrlen(const char *__restrict, size_t, mbstate_t *__restrict);
size_t mbrlen_l(const char *__restrict, size_t, mbstate_t *__restrict, locale_t);
size_t mbrtowc(wchar_t *__restrict, const char *__restrict, size_t, mbstate_t *__restrict);
size_t mbrtowc_l(wchar_t *__restrict, const char *__restrict, size_t, mbstate_t *__restrict,
                 locale_t);
int mbsinit(const mbstate_t *);
size_t mbsnrtowcs(wchar_t *__restrict, const char **__restrict, size_t, size_t,
                  mbstate_t *__restrict);
size_t mbsnrtowcs_l(wchar_t *__restrict, const char **__restrict, size_t, size_t,
                    mbstate_t *__restrict, locale_t);
size_t mbsrtowcs(wchar_t *__restrict, const char **__restrict, size_t, mbstate_t *__restrict);
size_t mbsrtowcs_l(wchar_t *__restrict, const char **__restrict, size_t, mbstate_t *__restrict,
                   locale_t);
wint_t putwc(wchar_t, FILE *);
int swprintf(wchar_t *__restrict, size_t, const wchar_t *__restrict, ...);
int swprintf_l(wchar_t *__restrict, size_t, locale_t, const wchar_t *__restrict, ...);
int swscanf(const wchar_t *__restrict, const wchar_t *__restrict, ...);
int swscanf_l(const wchar_t *__restrict, locale_t, const wchar_t *__restrict, ...);
wint_t ungetwc(wint_t, FILE *);
int vaswprintf(wchar_t **, const wchar_t *, va_list);
int vaswprintf_l(wchar_t **, locale_t, const wchar_t *, va_list);
int vdwprintf(int, const wchar_t *__restrict, va_list);
int vdwprintf_l(int, locale_t, const wchar_t *__restrict, va_list);
int vfwprintf(FILE *__restrict, const wchar_t *__restrict, va_list);
int vfwprintf_l(FILE *__restrict, locale_t, const wchar_t *__restrict, va_list);
int vfwscanf(FILE *__restrict, const wchar_t *__restrict, va_list);
int vfwscanf_l(FILE *__restrict, locale_t, const wchar_t *__restrict, va_list);
int vswprintf(wchar_t *__restrict, size_t, const wchar_t *__restrict, va_list);
int vswprintf_l(wchar_t *__restrict, size_t, locale_t, const wchar_t *__restrict, va_list);
int vswscanf(const wchar_t *__restrict, const wchar_t *__restrict, va_list);
int vswscanf_l(const wchar_t *__restrict, locale_t, const wchar_t *__restrict, va_list);
wchar_t *wcpncpy(wchar_t *__restrict, const wchar_t *__restrict, size_t);
size_t wcrtomb(char *__restrict, wchar_t, mbstate_t *__restrict);
size_t wcrtomb_l(char *__restrict, wchar_t, mbstate_t *__restrict, locale_t);
int wcscasecmp(const wchar_t *, const wchar_t *);
int wcscasecmp_l(const wchar_t *, const wchar_t *, locale_t);
wchar_t *wcschr(const wchar_t *, wchar_t);
int wcscmp(const wchar_t *, const wchar_t *);
int wcsverscmp(const wchar_t *, const wchar_t *) __attribute__((__pure__));
int wcscoll(const wchar_t *, const wchar_t *);
int wcscoll_l(const wchar_t *, const wchar_t *, locale_t);
size_t wcscspn(const wchar_t *, const wchar_t *);
wchar_t *wcsdup(const wchar_t *);
size_t wcslcat(wchar_t *__restrict, const wchar_t *__restrict, size_t);
size_t wcslcpy(wchar_t *__restrict, const wchar_t *__restrict, size_t);
size_t wcslen(const wchar_t *);
int wcsncasecmp(const wchar_t *, const wchar_t *, size_t);
int wcsncasecmp_l(const wchar_t *, const wchar_t *, size_t, locale_t);
int wcsncmp(const wchar_t *, const wchar_t *, size_t);
wchar_t *wcsncpy(wchar_t *__restrict, const wchar_t *__restrict, size_t);
wchar_t *wcsndup(const wchar_t *, size_t);
size_t wcsftime(wchar_t *__restrict, size_t, const wchar_t *__restrict,
                const struct tm *__restrict);
size_t wcsftime_l(wchar_t *__restrict, size_t, const wchar_t *__restrict,
                  const struct tm *__restrict, locale_t);
wchar_t *wcsptime(const wchar_t *__restrict, const wchar_t *__restrict, struct tm *__restrict);
wchar_t *wcsptime_l(const wchar_t *__restrict, const wchar_t *__restrict, struct tm *__restrict,
                    locale_t);
size_t wcsnlen(const wchar_t *, size_t);
size_t wcsnrtombs(char *__restrict, const wchar_t **__restrict, size_t, size_t,
                  mbstate_t *__restrict);
size_t wcsnrtombs_l(char *__restrict, const wchar_t **__restrict, size_t, size_t,
                    mbstate_t *__restrict, locale_t);
wchar_t *wcspbrk(const wchar_t *, const wchar_t *);
wchar_t *wcsrchr(const wchar_t *, wchar_t);
size_t wcsrtombs(char *__restrict, const wchar_t **__restrict, size_t, mbstate_t *__restrict);
size_t wcsrtombs_l(char *__restrict, const wchar_t **__restrict, size_t, mbstate_t *__restrict,
                   locale_t);
size_t wcsspn(const wchar_t *, const wchar_t *);
wchar_t *wcsstr(const wchar_t *__restrict, const wchar_t *__restrict);
double wcstod(const wchar_t *__restrict, wchar_t **__restrict);
double wcstod_l(const wchar_t *__restrict, wchar_t **__restrict, locale_t);
float wcstof(const wchar_t *__restrict, wchar_t **__restrict);
float wcstof_l(const wchar_t *__restrict, wchar_t **__restrict, locale_t);
wchar_t *wcstok(wchar_t *__restrict, const wchar_t *__restrict, wchar_t **__restrict);
long wcstol(const wchar_t *__restrict, wchar_t **__restrict, int);
long double wcstold(const wchar_t *__restrict, wchar_t **__restrict);
long double wcstold_l(const wchar_t *__restrict, wchar_t **__restrict, locale_t);
long long wcstoll(const wchar_t *__restrict, wchar_t **__restrict, int);
unsigned long wcstoul(const wchar_t *__restrict, wchar_t **__restrict, int);
unsigned long long wcstoull(const wchar_t *__restrict, wchar_t **__restrict, int);
int wcswidth(const wchar_t *, size_t);
size_t wcsxfrm(wchar_t *__restrict, const wchar_t *__restrict, size_t);
size_t wcsxfrm_l(wchar_t *__restrict, const wchar_t *__restrict, size_t, locale_t);
int wctob(wint_t);
int wctob_l(wint_t, locale_t);
int wcwidth(wchar_t);
wchar_t *wmemchr(const wchar_t *, wchar_t, size_t);
int wmemcmp(const wchar_t *, const wchar_t *, size_t);
wchar_t *wmemcpy(wchar_t *__restrict, const wchar_t *__restrict, size_t);
wchar_t *wmemmem(const wchar_t *, size_t, const wchar_t *, size_t);
wchar_t *wmemmove(wchar_t *, const wchar_t *, size_t);
wchar_t *wmemset(wchar_t *, wchar_t, size_t);

#ifdef _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS
wchar_t *wcpcpy(wchar_t *__restrict, const wchar_t *__restrict) __asm__("__wcpcpy");
wchar_t *wcscat(wchar_t *__restrict, const wchar_t *__restrict) __asm__("__wcscat");
wchar_t *wcscpy(wchar_t *__restrict, const wchar_t *__restrict) __asm__("__wcscpy");
wchar_t *wcsncat(wchar_t *__restrict, const wchar_t *__restrict, size_t) __asm__("__wcsncat");
#endif
__END_DECLS

#endif
