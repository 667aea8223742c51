// The proc_* system calls.
#include <unistd.h>

#include "syscalls.h"

extern "C" void cloudabi_rt_proc_exit(cloudabi_exitcode_t rval) {
  // The whole process ends, all threads with it. CloudABI exit codes are 32
  // bits; Linux keeps the low 8.
  _exit(static_cast<int>(rval));
}
