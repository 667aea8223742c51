#include <cloudabi_syscalls.h>
#include <stdlib.h>

_Noreturn void abort(void) {
  cloudabi_sys_proc_raise(CLOUDABI_SIGABRT);
  cloudabi_sys_proc_exit(1);
}
