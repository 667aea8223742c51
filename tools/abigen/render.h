// Rendering spec types as C declarations.
#pragma once

#include <string>

#include "tools/abigen/model.h"

namespace abigen {

// The C type name of a spec type name: u32 -> uint32_t, fd -> cloudabi_fd_t.
std::string c_type_name(const std::string& name);

// A C declaration of `declarator` with type `type`, e.g. "const cloudabi_ciovec_t *iovs".
std::string c_declaration(const TypeRef& type, const std::string& declarator);

// A parameter as it appears in a C prototype; out parameters become pointers.
std::string c_parameter(const Param& param);

// "a, b, c" for calls and "T a, U b" for prototypes ("void" when empty).
std::string c_parameter_list(const std::vector<Param>& params);
std::string c_argument_list(const std::vector<Param>& params);
std::string c_parameter_types(const std::vector<Param>& params);

// The C name of a constant of a scalar: CLOUDABI_<prefix><name>.
std::string c_constant_name(const Scalar& scalar, const Constant& constant);

std::string upper(std::string s);

}  // namespace abigen
