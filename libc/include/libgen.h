// libgen.h: pathname manipulation. Both functions may modify their argument
// and return a pointer into it (or to a constant string).
#ifndef _LIBGEN_H_
#define _LIBGEN_H_

#include <_/cdefs.h>

__BEGIN_DECLS
char *basename(char *);
char *dirname(char *);
__END_DECLS

#endif
