// Parses abi/cloudabi.abi. Errors name the file, line and problem.
#pragma once

#include <stdexcept>
#include <string>

#include "tools/abigen/model.h"

namespace abigen {

struct ParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

Spec parse_spec(const std::string& path, const std::string& text);

}  // namespace abigen
