#include "runtime/entry/guest_switch.h"

extern "C" {
thread_local uintptr_t cloudabi_host_tp;
thread_local uintptr_t cloudabi_host_sp;
thread_local uintptr_t cloudabi_guest_tp;
}
