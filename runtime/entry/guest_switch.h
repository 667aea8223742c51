// Switching a thread between runtime code and guest code; see guest_switch.S.
#pragma once

#include <cstdint>

extern "C" {

// Per-thread state the trampolines use. Only assembly reads and writes them.
extern thread_local uintptr_t cloudabi_host_tp;
extern thread_local uintptr_t cloudabi_host_sp;
extern thread_local uintptr_t cloudabi_guest_tp;

void cloudabi_enter_guest(uintptr_t entry, uintptr_t stack_pointer, uintptr_t arg0, uintptr_t arg1,
                          uintptr_t thread_pointer);
[[noreturn]] void cloudabi_leave_guest();
}
