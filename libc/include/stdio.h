// stdio.h: streams. CloudABI programs have no stdin or stdout; they write to
// descriptors they were given. (The stream functions arrive with cloudlibc
// part 1; this header declares the type other headers refer to.)
#ifndef _STDIO_H_
#define _STDIO_H_

#include <stddef.h>

typedef struct __FILE FILE;

#endif
