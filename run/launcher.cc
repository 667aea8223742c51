#include "run/launcher.h"

#include <unistd.h>

#include "run/convert.h"
#include "run/print.h"

namespace cloudabi::run {

Expected<LaunchPlan> plan_launch(const LaunchInput& input) {
  auto doc = read_yaml(input.yaml, input.limits);
  if (!doc) return doc.error();
  LaunchPlan plan;
  HostResources::Options options;
  options.executable_fd = input.executable_fd;
  options.stdin_is_config = input.config_from_stdin;
  plan.resources = std::make_unique<HostResources>(options);
  auto converted = convert(*doc, *plan.resources);
  if (!converted) return converted.error();
  plan.argdata = std::move(converted->argdata);
  for (int fd : converted->fds) {
    const GrantInfo* info = plan.resources->info(fd);
    if (info == nullptr) {
      return ConfigError::at(Mark{}, "internal error: descriptor " + std::to_string(fd) +
                                         " in the argument data has no origin");
    }
    runtime::Grant grant;
    grant.source_fd = fd;
    grant.rights_base = info->rights_base;
    grant.rights_inheriting = info->rights_inheriting;
    grant.origin = input.config_name + ":" + info->mark.str() + ": " + info->summary;
    plan.grants.push_back(std::move(grant));
    plan.descriptors.push_back(*info);
  }
  return plan;
}

std::string format_plan(const LaunchPlan& plan, const std::string& config_name) {
  return format_argdata_yaml(plan.argdata) + format_descriptor_table(plan.descriptors, config_name);
}

Expected<std::string> read_all(int fd, size_t max_bytes) {
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      return ConfigError::from_errno(Mark{}, "read failed");
    }
    if (n == 0) return out;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      return ConfigError::at(Mark{},
                             "it is larger than " + std::to_string(max_bytes >> 20) + " MiB");
    }
    out.append(buf, static_cast<size_t>(n));
  }
}

}  // namespace cloudabi::run
