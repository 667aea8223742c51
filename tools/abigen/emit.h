// Generators for each output of abigen. Each returns the complete file text.
#pragma once

#include <string>

#include "tools/abigen/model.h"

namespace abigen {

// Public C headers for programs, libc and the runtime.
std::string emit_types_common_h(const Spec& spec);
std::string emit_types_h(const Spec& spec);
std::string emit_syscalls_h(const Spec& spec);
std::string emit_syscalls_info_h(const Spec& spec);

// libc: the call-through functions and the table crt0 fills from the vDSO.
std::string emit_libc_syscalls_c(const Spec& spec);

// Runtime: implementation prototypes, the syscall table, trampolines, and
// ENOSYS defaults for calls that have no implementation yet.
std::string emit_runtime_syscalls_h(const Spec& spec);
std::string emit_runtime_table_cc(const Spec& spec);
std::string emit_runtime_trampolines_s(const Spec& spec);
std::string emit_runtime_defaults_cc(const Spec& spec);
// Tracing wrappers around every implementation.
std::string emit_runtime_trace_cc(const Spec& spec);
// Names of every constant, for diagnostics and tracing.
std::string emit_runtime_names_h(const Spec& spec);

// The human reference, docs/abi.md.
std::string emit_docs_md(const Spec& spec);

}  // namespace abigen
