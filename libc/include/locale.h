// locale.h: locales.
//
// There is no global locale that functions silently consult. Every function
// without an _l suffix behaves as in the C locale (ASCII, '.' as radix
// character, UTC); the *_l() variants take a locale object made with
// newlocale(). Locale names have the form [language][.charset][@timezone].
// This implementation knows the languages C, POSIX and en_US, the character
// sets US-ASCII and UTF-8 and the time zone UTC.
//
// Extensions:
// - LC_C_LOCALE: the C locale as a locale object, usable with every *_l().
// - LC_C_UNICODE_LOCALE: the C locale with UTF-8 as its character set.
// - localeconv_l(): localeconv() for an explicit locale.
//
// Features missing:
// - uselocale(): there is no per-thread or global locale to switch.
// - setlocale(): only a compatibility function that accepts "C" and "POSIX".
#ifndef _LOCALE_H_
#define _LOCALE_H_

#include <_/cdefs.h>
#include <_/types.h>

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

struct lconv {
  char *currency_symbol;
  char *decimal_point;
  char frac_digits;
  char *grouping;
  char *int_curr_symbol;
  char int_frac_digits;
  char int_n_cs_precedes;
  char int_n_sep_by_space;
  char int_n_sign_posn;
  char int_p_cs_precedes;
  char int_p_sep_by_space;
  char int_p_sign_posn;
  char *mon_decimal_point;
  char *mon_grouping;
  char *mon_thousands_sep;
  char *negative_sign;
  char n_cs_precedes;
  char n_sep_by_space;
  char n_sign_posn;
  char *positive_sign;
  char p_cs_precedes;
  char p_sep_by_space;
  char p_sign_posn;
  char *thousands_sep;
};

#define LC_COLLATE_MASK 0x01
#define LC_CTYPE_MASK 0x02
#define LC_MESSAGES_MASK 0x04
#define LC_MONETARY_MASK 0x08
#define LC_NUMERIC_MASK 0x10
#define LC_TIME_MASK 0x20
#define LC_TIMEZONE_MASK 0x40
#define LC_ALL_MASK 0x7f

#define LC_ALL 0
#define LC_COLLATE 1
#define LC_CTYPE 2
#define LC_MESSAGES 3
#define LC_MONETARY 4
#define LC_NUMERIC 5
#define LC_TIME 6

extern struct __locale __locale_c;
extern struct __locale __locale_c_unicode;
#define LC_C_LOCALE (&__locale_c)
#define LC_C_UNICODE_LOCALE (&__locale_c_unicode)
#define LC_GLOBAL_LOCALE LC_C_LOCALE

__BEGIN_DECLS
locale_t duplocale(locale_t);
void freelocale(locale_t);
struct lconv *localeconv(void);
struct lconv *localeconv_l(locale_t);
locale_t newlocale(int, const char *, locale_t);
char *setlocale(int, const char *);
__END_DECLS

#endif
