// Human-readable output of --print-argdata: serialized argdata as a YAML
// document (descriptors shown as the numbers the program will see) and the
// table of descriptors.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "run/host_resources.h"

namespace cloudabi::run {

// One YAML document, block style, starting with the %TAG directive of the
// cloudabi tags. Descriptor values are printed as "!fd N" where N is the
// index in the serialized data.
std::string format_argdata_yaml(const std::vector<uint8_t>& argdata);

// The descriptor table: one entry per grant, in descriptor order.
// `config_name` prefixes the line:column where each was granted.
std::string format_descriptor_table(std::span<const GrantInfo> descriptors,
                                    const std::string& config_name);

// A YAML scalar that reads back as the given string: plain when that is
// unambiguous, double-quoted with escapes otherwise.
std::string yaml_string(std::string_view s);
// A YAML float that reads back as the same double: "1.5", "1e+300", ".inf".
std::string yaml_float(double v);

}  // namespace cloudabi::run
