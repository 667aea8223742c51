#include <cloudabi_syscalls.h>
#include <stdlib.h>

// Defined by stdio if the program uses stderr.
void __stdio_flush_stderr(void) __attribute__((weak));

_Noreturn void abort(void) {
  if (__stdio_flush_stderr != NULL) __stdio_flush_stderr();
  cloudabi_sys_proc_raise(CLOUDABI_SIGABRT);
  cloudabi_sys_proc_exit(1);
}
