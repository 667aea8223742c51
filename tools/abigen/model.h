// The in-memory model of abi/cloudabi.abi.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace abigen {

// A reference to a type as written in the spec: [const] [atomic] NAME [*...] [[N]].
struct TypeRef {
  std::string name;  // builtin (u8 u16 u32 u64 i64 size char void) or a spec type
  bool is_const = false;
  bool is_atomic = false;
  int pointers = 0;
  std::optional<uint64_t> array;
};

struct Constant {
  uint64_t value = 0;
  std::string name;
  std::string doc;
};

enum class ScalarKind { kAlias, kEnum, kFlags, kOpaque };

struct Scalar {
  std::string name;
  std::string base;  // builtin integer type
  ScalarKind kind = ScalarKind::kAlias;
  bool atomic = false;  // used through _Atomic pointers (locks, condvars)
  std::string prefix;   // constant name prefix after CLOUDABI_
  std::string doc;
  std::vector<Constant> constants;
};

struct Field {
  size_t line = 0;  // where it is declared in the spec
  uint64_t offset = 0;
  std::string name;
  TypeRef type;
  std::string doc;
};

struct Variant {
  std::string name;
  std::vector<std::string> tags;  // values of the discriminant field selecting it
  std::vector<Field> fields;
};

// An anonymous union inside a struct: either plain members or struct variants.
struct Union {
  uint64_t offset = 0;
  std::string discriminant;  // field name, empty if none
  std::vector<Field> members;
  std::vector<Variant> variants;
};

struct Struct {
  size_t line = 0;
  std::string name;
  uint64_t size = 0;
  uint64_t align = 0;
  std::string doc;
  std::vector<Field> fields;
  std::optional<Union> tail_union;  // always the last member when present
};

struct Param {
  size_t line = 0;
  bool out = false;
  std::string name;
  TypeRef type;
  std::string doc;
};

struct Function {
  std::string name;
  std::string doc;
  std::vector<Param> params;
};

struct Syscall {
  std::string name;
  std::string doc;
  bool noreturn = false;
  bool extension = false;
  std::vector<Param> params;
};

struct Spec {
  std::string path;  // of the spec file, for messages
  std::string abi_name;
  std::string version;
  std::vector<Scalar> scalars;
  std::vector<Struct> structs;
  std::vector<Function> functions;
  std::vector<Syscall> syscalls;  // sorted alphabetically after parsing

  const Scalar* find_scalar(const std::string& name) const;
  const Struct* find_struct(const std::string& name) const;
  const Function* find_function(const std::string& name) const;
};

}  // namespace abigen
