// From configuration text to everything runtime::run needs: the YAML is
// read, converted to argdata while its resources are opened, and the
// distinct descriptors become the grants 0..n-1.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "run/error.h"
#include "run/host_resources.h"
#include "runtime/runtime.h"

namespace cloudabi::run {

struct LaunchInput {
  std::string_view yaml;
  std::string config_name;  // For messages: "config.yaml" or "<stdin>".
  int executable_fd = -1;
  bool config_from_stdin = false;
  YamlLimits limits;
};

struct LaunchPlan {
  // Owns the descriptors the grants refer to; keep it alive until the
  // program runs.
  std::unique_ptr<HostResources> resources;
  std::vector<uint8_t> argdata;
  std::vector<runtime::Grant> grants;
  std::vector<GrantInfo> descriptors;  // Parallel to grants.
};

Expected<LaunchPlan> plan_launch(const LaunchInput& input);

// The --print-argdata output: the argdata as YAML and the descriptor table.
std::string format_plan(const LaunchPlan& plan, const std::string& config_name);

// Reads a whole descriptor (the configuration), at most max_bytes.
Expected<std::string> read_all(int fd, size_t max_bytes);

}  // namespace cloudabi::run
