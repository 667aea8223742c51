// ctype.h: character classification and case mapping.
//
// The plain functions always use the C locale, whose character set is ASCII:
// bytes 0x80..0xff belong to no class. The *_l() variants take a locale.
//
// Features missing:
// - _tolower(), _toupper(), toascii(): obsolete; use tolower(), toupper().
#ifndef _CTYPE_H_
#define _CTYPE_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _LOCALE_T_DECLARED
typedef __locale_t locale_t;
#define _LOCALE_T_DECLARED
#endif

__BEGIN_DECLS
int isalnum(int) __pure2;
int isalnum_l(int, locale_t) __pure2;
int isalpha(int) __pure2;
int isalpha_l(int, locale_t) __pure2;
int isascii(int) __pure2;
int isblank(int) __pure2;
int isblank_l(int, locale_t) __pure2;
int iscntrl(int) __pure2;
int iscntrl_l(int, locale_t) __pure2;
int isdigit(int) __pure2;
int isdigit_l(int, locale_t) __pure2;
int isgraph(int) __pure2;
int isgraph_l(int, locale_t) __pure2;
int islower(int) __pure2;
int islower_l(int, locale_t) __pure2;
int isprint(int) __pure2;
int isprint_l(int, locale_t) __pure2;
int ispunct(int) __pure2;
int ispunct_l(int, locale_t) __pure2;
int isspace(int) __pure2;
int isspace_l(int, locale_t) __pure2;
int isupper(int) __pure2;
int isupper_l(int, locale_t) __pure2;
int isxdigit(int) __pure2;
int isxdigit_l(int, locale_t) __pure2;
int tolower(int) __pure2;
int tolower_l(int, locale_t) __pure2;
int toupper(int) __pure2;
int toupper_l(int, locale_t) __pure2;
__END_DECLS

#endif
