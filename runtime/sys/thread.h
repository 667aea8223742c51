// Threads of the program (runtime/sys/thread.cc).
#pragma once

namespace cloudabi::runtime {

// To be called in the child of proc_fork, on its only thread, before it
// returns to the program: the child has exactly one thread, and the runtime
// state that other threads may have held locked at the moment of the fork
// (lock/condvar bookkeeping, the memory registry) is renewed.
void threads_after_fork_child();

}  // namespace cloudabi::runtime
