// strings.h: more string operations.
//
// Features missing:
// - bcmp(), bcopy(), bzero(), index(), rindex(): removed from POSIX 2008.
//   Use memcmp(), memmove(), memset(), strchr() and strrchr().
#ifndef _STRINGS_H_
#define _STRINGS_H_

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

__BEGIN_DECLS
int ffs(int) __pure2;
int ffsl(long) __pure2;
int ffsll(long long) __pure2;
int strcasecmp(const char *, const char *) __attribute__((__pure__));
int strcasecmp_l(const char *, const char *, locale_t) __attribute__((__pure__));
int strncasecmp(const char *, const char *, size_t) __attribute__((__pure__));
int strncasecmp_l(const char *, const char *, size_t, locale_t) __attribute__((__pure__));
__END_DECLS

#endif
