// libintl.h: message catalogs. Messages are never translated (there are no
// catalogs to load): every function returns the message it is given, or
// its plural form in the English manner.
//
// Features missing:
// - textdomain(), bindtextdomain(), bind_textdomain_codeset(): there is no
//   process-wide text domain or global file system namespace.
#ifndef _LIBINTL_H_
#define _LIBINTL_H_

#include <_/cdefs.h>

__BEGIN_DECLS
char *dcgettext(const char *, const char *, int);
char *dcngettext(const char *, const char *, const char *, unsigned long, int);
char *dgettext(const char *, const char *);
char *dngettext(const char *, const char *, const char *, unsigned long);
char *gettext(const char *);
char *ngettext(const char *, const char *, unsigned long);
__END_DECLS

#endif
