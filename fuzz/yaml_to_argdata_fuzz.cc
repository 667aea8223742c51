// libFuzzer target: arbitrary bytes as a cloudabi-run YAML configuration.
//
// The bytes go through the YAML reader and the conversion to argdata with
// PlaceholderResources, so resource tags are checked but nothing is opened.
// Whatever converts must also print, and the printed YAML must convert back
// to the same argdata.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "run/convert.h"
#include "run/print.h"
#include "run/yaml_reader.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cloudabi::run;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  YamlLimits limits;
  // Smaller than cloudabi-run's limits, to keep each run fast.
  limits.max_nodes = 20000;
  limits.max_bytes = 1 << 20;
  auto doc = read_yaml(text, limits);
  if (!doc) {
    check(!doc.error().message.empty());
    return 0;
  }
  PlaceholderResources resources;
  auto converted = convert(*doc, resources);
  if (!converted) {
    check(!converted.error().message.empty());
    return 0;
  }
  check(converted->fds.size() <= resources.specs().size());
  std::string printed = format_argdata_yaml(converted->argdata);

  // Round trip. Without descriptors the bytes must be identical (with them,
  // every printed "!fd N" becomes a new placeholder, so numbering differs).
  if (converted->fds.empty()) {
    auto again = read_yaml(printed);
    check(again.ok());
    PlaceholderResources none;
    auto reconverted = convert(*again, none);
    check(reconverted.ok());
    check(reconverted->argdata == converted->argdata);
  }
  return 0;
}
