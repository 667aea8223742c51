// program.h: the entry point of CloudABI programs, and starting others.
//
// A program receives its configuration and every resource it may use as one
// argdata tree, passed to program_main(). Programs that define main()
// instead get argv from argument data that is a list of strings (as when a
// CloudABI program is started from a shell), or just the program name.
#ifndef _PROGRAM_H_
#define _PROGRAM_H_

#include <_/cdefs.h>
#include <argdata.h>

__BEGIN_DECLS
// Defined by the program; must not return (end with exit()).
__noreturn void program_main(const argdata_t *);
// Replaces the process by the executable behind fd, with the given argument
// data; its descriptors are those the argument data refers to. Returns an
// error number on failure.
int program_exec(int, const argdata_t *);
// The process's identifier: a UUID as a 36-character string.
const char *program_getpid(void);
// The argument data as the program received it, serialized.
void program_get_raw_argdata(const void **, size_t *);
__END_DECLS

#endif
