// x86_64 sizes and alignments of spec types, and the check that every struct
// offset written in the spec is what a C compiler lays out.
#pragma once

#include <cstdint>

#include "tools/abigen/model.h"

namespace abigen {

struct SizeAlign {
  uint64_t size = 0;
  uint64_t align = 1;
};

SizeAlign size_align(const Spec& spec, const TypeRef& type);

// Throws std::runtime_error naming the struct and field on any mismatch.
void check_layouts(const Spec& spec);

}  // namespace abigen
