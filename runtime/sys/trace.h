// Printing system calls for --trace (used by the generated syscall_trace.cc).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <type_traits>

#include "cloudabi_types.h"

namespace cloudabi::runtime {

// Up to seven raw argument or output values.
class TraceValues {
 public:
  TraceValues() = default;
  TraceValues(std::initializer_list<uint64_t> values) {
    for (uint64_t v : values)
      if (count_ < 7) values_[count_++] = v;
  }
  size_t size() const { return count_; }
  uint64_t operator[](size_t i) const { return values_[i]; }

 private:
  uint64_t values_[7] = {};
  size_t count_ = 0;
};

template <typename T>
uint64_t trace_arg(T value) {
  if constexpr (std::is_pointer_v<T>) {
    return reinterpret_cast<uintptr_t>(value);
  } else {
    return static_cast<uint64_t>(value);
  }
}

inline uint64_t trace_arg(cloudabi_lookup_t lookup) {
  return lookup.fd | (static_cast<uint64_t>(lookup.flags) << 32);
}

// "fd_write(1, 0x7f.., 1) = 0 -> 14" on the diagnostic output.
void trace_result(const char* name, const TraceValues& args, cloudabi_errno_t error,
                  const TraceValues& outputs);
// For calls that do not return.
void trace_call(const char* name, const TraceValues& args);

}  // namespace cloudabi::runtime
