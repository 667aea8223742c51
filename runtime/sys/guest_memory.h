// Which memory belongs to the program (runtime/sys/mem.cc).
//
// The program shares the runtime's address space, so the mem_* calls must
// never let it unmap, remap, re-protect or discard the runtime's own memory
// (its code, heap, stacks, the vDSO). The runtime records the ranges that are
// the program's: its loaded image and main stack (registered at start-up)
// and whatever it maps itself with mem_map. mem_protect, mem_advise,
// mem_sync, mem_unmap and MAP_FIXED only act on such ranges.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cloudabi::runtime {

// Records [start, start + len), rounded outward to pages, as the program's.
void add_guest_memory(uintptr_t start, size_t len);

// Whether [start, start + len) lies entirely in the program's memory.
bool is_guest_memory(uintptr_t start, size_t len);

// Whether every page of [start, start + len) is mapped (any protection),
// checked with the kernel, without touching the memory. For validating
// pointers the runtime is about to read or write on the program's behalf.
bool memory_mapped(const void* start, size_t len);

// In the child of proc_fork: the registry's mutex may have been held by a
// thread that does not exist in the child.
void guest_memory_after_fork_child();

}  // namespace cloudabi::runtime
