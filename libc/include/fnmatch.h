// fnmatch.h: filename-matching types.
//
// Extensions:
// - fnmatch_l(): fnmatch() always uses the C locale.
#ifndef _FNMATCH_H_
#define _FNMATCH_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#define _LOCALE_T_DECLARED
#endif

// cloudlibc's values. FNM_CASEFOLD and FNM_LEADING_DIR do not exist.
#define FNM_NOMATCH 1
#define FNM_PATHNAME 0x20
#define FNM_PERIOD 0x40
#define FNM_NOESCAPE 0x80

__BEGIN_DECLS
int fnmatch(const char *, const char *, int);
int fnmatch_l(const char *, const char *, int, locale_t);
__END_DECLS

#endif
