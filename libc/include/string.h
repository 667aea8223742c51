// string.h: string and memory operations.
//
// Extensions:
// - memmem(), memrchr(): search for a byte string / the last byte in memory.
// - strlcpy(), strlcat(): copying and appending with truncation; they always
//   terminate the destination and return the length they tried to create.
// - strsep(): reentrant tokenizer that handles empty fields.
// - strsignal(), strsignal_l(), strverscmp(): as in other BSD/GNU systems.
// - *_l(): variants taking an explicit locale, as there is no global one.
//
// Features missing:
// - strtok(): not thread-safe (hidden global state). Use strtok_r() or
//   strsep() instead.
// - strcpy(), strcat(), strncat(), stpcpy(): they cannot know the size of the
//   destination buffer and are a common source of overflows. Use strlcpy()
//   and strlcat(). Ported code that cannot be changed may define
//   _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS before including this header to get
//   them back; they are then bound to reserved symbol names.
#ifndef _STRING_H_
#define _STRING_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _SIZE_T_DECLARED
typedef __size_t size_t;
#define _SIZE_T_DECLARED
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

__BEGIN_DECLS
void *memccpy(void *__restrict, const void *__restrict, int, size_t);
void *memchr(const void *, int, size_t) __attribute__((__pure__));
int memcmp(const void *, const void *, size_t) __attribute__((__pure__));
void *memcpy(void *__restrict, const void *__restrict, size_t);
void *memmem(const void *, size_t, const void *, size_t) __attribute__((__pure__));
void *memmove(void *, const void *, size_t);
void *memrchr(const void *, int, size_t) __attribute__((__pure__));
void *memset(void *, int, size_t);
char *stpncpy(char *__restrict, const char *__restrict, size_t);
char *strchr(const char *, int) __attribute__((__pure__));
int strcmp(const char *, const char *) __attribute__((__pure__));
int strcoll(const char *, const char *);
int strcoll_l(const char *, const char *, locale_t);
size_t strcspn(const char *, const char *) __attribute__((__pure__));
char *strdup(const char *) __malloc_like;
char *strerror(int);
char *strerror_l(int, locale_t);
int strerror_r(int, char *, size_t);
size_t strlcat(char *__restrict, const char *__restrict, size_t);
size_t strlcpy(char *__restrict, const char *__restrict, size_t);
size_t strlen(const char *) __attribute__((__pure__));
int strncmp(const char *, const char *, size_t) __attribute__((__pure__));
char *strncpy(char *__restrict, const char *__restrict, size_t);
char *strndup(const char *, size_t) __malloc_like;
size_t strnlen(const char *, size_t) __attribute__((__pure__));
char *strpbrk(const char *, const char *) __attribute__((__pure__));
char *strrchr(const char *, int) __attribute__((__pure__));
char *strsep(char **, const char *);
char *strsignal(int);
char *strsignal_l(int, locale_t);
size_t strspn(const char *, const char *) __attribute__((__pure__));
char *strstr(const char *, const char *) __attribute__((__pure__));
char *strtok_r(char *__restrict, const char *__restrict, char **__restrict);
int strverscmp(const char *, const char *) __attribute__((__pure__));
size_t strxfrm(char *__restrict, const char *__restrict, size_t);
size_t strxfrm_l(char *__restrict, const char *__restrict, size_t, locale_t);

#ifdef _CLOUDLIBC_UNSAFE_STRING_FUNCTIONS
char *stpcpy(char *__restrict, const char *__restrict) __asm__("__stpcpy");
char *strcat(char *__restrict, const char *__restrict) __asm__("__strcat");
char *strcpy(char *__restrict, const char *__restrict) __asm__("__strcpy");
char *strncat(char *__restrict, const char *__restrict, size_t) __asm__("__strncat");
#endif
__END_DECLS

#endif
