// wctype.h: wide character classification and mapping.
//
// The functions without an _l suffix use the C locale, whose character set
// is ASCII: characters above U+007F belong to no class and map to
// themselves.
//
// Features missing:
// - The *_l() variants: classifying Unicode needs character tables this
//   library does not have yet.
#ifndef _WCTYPE_H_
#define _WCTYPE_H_

#include <_/cdefs.h>
#include <_/types.h>

#ifndef _WINT_T_DECLARED
typedef __wint_t wint_t;
#define _WINT_T_DECLARED
#endif
typedef const struct __wctype *wctype_t;
typedef const struct __wctrans *wctrans_t;

#define WEOF ((wint_t)-1)

__BEGIN_DECLS
int iswalnum(wint_t);
int iswalpha(wint_t);
int iswblank(wint_t);
int iswcntrl(wint_t);
int iswctype(wint_t, wctype_t);
int iswdigit(wint_t);
int iswgraph(wint_t);
int iswlower(wint_t);
int iswprint(wint_t);
int iswpunct(wint_t);
int iswspace(wint_t);
int iswupper(wint_t);
int iswxdigit(wint_t);
wint_t towctrans(wint_t, wctrans_t);
wint_t towlower(wint_t);
wint_t towupper(wint_t);
wctrans_t wctrans(const char *);
wctype_t wctype(const char *);
__END_DECLS

#endif
