// The runtime's diagnostic output: a descriptor the program cannot see.
#pragma once

#include <cstdarg>

namespace cloudabi::runtime {

// Sets the descriptor messages go to (hidden from the program).
void set_diagnostics_fd(int fd);
int diagnostics_fd();

// Writes "cloudabi-run: <message>\n" in one write, so lines of concurrent
// threads do not interleave. Safe to call from any runtime code.
[[gnu::format(printf, 1, 2)]] void diag(const char* format, ...);
void vdiag(const char* format, va_list args);

}  // namespace cloudabi::runtime
