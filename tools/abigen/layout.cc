#include "tools/abigen/layout.h"

#include <stdexcept>
#include <string>

namespace abigen {
namespace {

SizeAlign builtin(const std::string& name) {
  if (name == "u8" || name == "char") return {1, 1};
  if (name == "u16") return {2, 2};
  if (name == "u32") return {4, 4};
  if (name == "u64" || name == "i64" || name == "size") return {8, 8};
  throw std::runtime_error("type '" + name + "' has no size");
}

uint64_t align_up(uint64_t v, uint64_t a) { return (v + a - 1) / a * a; }

[[noreturn]] void mismatch(const Spec& spec, size_t line, const std::string& where,
                           const std::string& what, uint64_t value, uint64_t natural) {
  throw std::runtime_error(spec.path + ":" + std::to_string(line) + ": " + where + ": " + what +
                           " is " + std::to_string(value) + " in the spec, but C lays it out at " +
                           std::to_string(natural));
}

// Lays out `fields` starting at `offset`; returns the end offset and updates align.
uint64_t lay_out(const Spec& spec, const std::string& where, const std::vector<Field>& fields,
                 uint64_t offset, uint64_t& align) {
  for (const Field& f : fields) {
    SizeAlign sa = size_align(spec, f.type);
    offset = align_up(offset, sa.align);
    if (f.offset != offset)
      mismatch(spec, f.line, where + "." + f.name, "the offset", f.offset, offset);
    offset += sa.size;
    if (sa.align > align) align = sa.align;
  }
  return offset;
}

}  // namespace

SizeAlign size_align(const Spec& spec, const TypeRef& type) {
  SizeAlign element;
  if (type.pointers > 0) {
    element = {8, 8};
  } else if (type.name == "void") {
    throw std::runtime_error("'void' is only valid behind a pointer");
  } else if (const Scalar* s = spec.find_scalar(type.name)) {
    element = builtin(s->base);
  } else if (const Struct* s = spec.find_struct(type.name)) {
    element = {s->size, s->align};
  } else if (spec.find_function(type.name)) {
    throw std::runtime_error("function type '" + type.name + "' is only valid behind a pointer");
  } else {
    element = builtin(type.name);
  }
  if (type.array) element.size *= *type.array;
  return element;
}

void check_layouts(const Spec& spec) {
  for (const Struct& s : spec.structs) {
    std::string where = "struct " + s.name;
    uint64_t align = 1;
    uint64_t end = lay_out(spec, where, s.fields, 0, align);
    if (s.tail_union) {
      const Union& u = *s.tail_union;
      uint64_t union_align = 1;
      uint64_t union_size = 0;
      // Members and variants start at the union's own (aligned) offset.
      auto measure = [&](const std::vector<Field>& fields, const std::string& name) {
        uint64_t a = 1;
        uint64_t e = lay_out(spec, where + "." + name, fields, u.offset, a);
        if (a > union_align) union_align = a;
        if (e - u.offset > union_size) union_size = align_up(e, a) - u.offset;
      };
      for (const Field& m : u.members) measure({m}, m.name);
      for (const Variant& v : u.variants) measure(v.fields, v.name);
      uint64_t natural = align_up(end, union_align);
      if (u.offset != natural) mismatch(spec, s.line, where, "the union offset", u.offset, natural);
      end = u.offset + union_size;
      if (union_align > align) align = union_align;
    }
    if (s.align != align) mismatch(spec, s.line, where, "the alignment", s.align, align);
    uint64_t size = align_up(end, align);
    if (s.size != size) mismatch(spec, s.line, where, "the size", s.size, size);
  }
}

}  // namespace abigen
