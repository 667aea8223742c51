#include "tools/abigen/render.h"

#include <cctype>
#include <map>

namespace abigen {

std::string c_type_name(const std::string& name) {
  static const std::map<std::string, std::string> builtins = {
      {"u8", "uint8_t"},  {"u16", "uint16_t"}, {"u32", "uint32_t"}, {"u64", "uint64_t"},
      {"i64", "int64_t"}, {"size", "size_t"},  {"char", "char"},    {"void", "void"}};
  auto it = builtins.find(name);
  return it != builtins.end() ? it->second : "cloudabi_" + name + "_t";
}

std::string c_declaration(const TypeRef& type, const std::string& declarator) {
  std::string base = c_type_name(type.name);
  if (type.is_atomic) base = "_CLOUDABI_ATOMIC(" + base + ")";
  if (type.is_const) base = "const " + base;
  std::string out = base + " ";
  out.append(type.pointers, '*');
  out += declarator;
  if (type.array) out += "[" + std::to_string(*type.array) + "]";
  return out;
}

std::string c_parameter(const Param& param) {
  TypeRef t = param.type;
  if (param.out) ++t.pointers;
  return c_declaration(t, param.name);
}

std::string c_parameter_list(const std::vector<Param>& params) {
  if (params.empty()) return "void";
  std::string out;
  for (const Param& p : params) out += (out.empty() ? "" : ", ") + c_parameter(p);
  return out;
}

std::string c_parameter_types(const std::vector<Param>& params) {
  if (params.empty()) return "void";
  std::string out;
  for (const Param& p : params) {
    std::string decl = c_parameter(p);
    decl.erase(decl.size() - p.name.size());
    while (!decl.empty() && decl.back() == ' ') decl.pop_back();
    out += (out.empty() ? "" : ", ") + decl;
  }
  return out;
}

std::string c_argument_list(const std::vector<Param>& params) {
  std::string out;
  for (const Param& p : params) out += (out.empty() ? "" : ", ") + p.name;
  return out;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string c_constant_name(const Scalar& scalar, const Constant& constant) {
  return "CLOUDABI_" + scalar.prefix + constant.name;
}

}  // namespace abigen
