// setjmp.h: non-local jumps, built on the compiler's __builtin_setjmp() and
// __builtin_longjmp(), which save and restore the frame and stack pointers.
// SafeStack's unsafe stack pointer is restored by the compiler's SafeStack
// pass around calls that can return twice.
//
// Features missing:
// - Saving and restoring signal masks (sigsetjmp()'s second argument): there
//   are no signal handlers.
#ifndef _SETJMP_H_
#define _SETJMP_H_

#include <_/cdefs.h>

typedef struct {
  int __val;       // the value longjmp() passes
  void *__ptr[5];  // __builtin_setjmp()'s buffer
} jmp_buf[1], sigjmp_buf[1];

__BEGIN_DECLS
__noreturn void longjmp(jmp_buf, int);
__noreturn void siglongjmp(sigjmp_buf, int);
__END_DECLS

#define setjmp(env) (__builtin_setjmp((env)->__ptr) ? (env)->__val : 0)
#define sigsetjmp(env, savemask) setjmp(env)

#endif
