// program.h: the entry point of CloudABI programs. A program receives its
// configuration and every resource it may use as one argdata tree.
#ifndef _PROGRAM_H_
#define _PROGRAM_H_

#include <argdata.h>

#ifdef __cplusplus
extern "C" {
#endif

// Defined by the program; must not return (end with exit()).
_Noreturn void program_main(const argdata_t *ad);

#ifdef __cplusplus
}
#endif

#endif
