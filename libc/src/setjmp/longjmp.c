#include <setjmp.h>

// setjmp() returns the value stored here when __builtin_setjmp() returns a
// second time.
void longjmp(jmp_buf env, int value) {
  env->__val = value == 0 ? 1 : value;
  __builtin_longjmp(env->__ptr, 1);
}

void siglongjmp(sigjmp_buf env, int value) { longjmp(env, value); }
