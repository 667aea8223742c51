#include <cloudabi_syscalls.h>
#include <stdlib.h>

// Until atexit handlers and stdio exist (cloudlibc part 1), exit ends the
// process directly.
_Noreturn void exit(int status) { cloudabi_sys_proc_exit((cloudabi_exitcode_t)status); }
