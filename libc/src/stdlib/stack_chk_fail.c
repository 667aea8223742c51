#include <stdlib.h>

// Called by code built with -fstack-protector when a canary was overwritten.
_Noreturn void __stack_chk_fail(void);
_Noreturn void __stack_chk_fail(void) { abort(); }
