// Conversion of a YAML document (yaml_reader.h) to serialized argdata.
//
// Untagged plain scalars are resolved with the YAML 1.2 core schema; the
// tags !!null !!bool !!int !!float !!str !!binary !!timestamp !!seq !!map
// and the resource tags !fd !file !socket !executable (short or
// tag:nuxi.nl,2015:cloudabi/ form) are understood; any other tag is an
// error. Resources are handed to a ResourceProvider, which returns the
// descriptor that goes into the argdata.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "run/error.h"
#include "run/resource_spec.h"
#include "run/yaml_reader.h"

namespace cloudabi::run {

class ResourceProvider {
 public:
  virtual ~ResourceProvider() = default;
  // Opens (or otherwise produces) the descriptor of a resource. The same
  // descriptor returned twice is one descriptor for the program.
  virtual Expected<int> acquire(const ResourceSpec& spec) = 0;
};

// Validates resource specs but opens nothing: each resource gets a made-up
// descriptor number (from 1000000 up). Like on the host, !fd with the same
// number and !executable always yield the same descriptor; every !file and
// !socket a new one. For fuzzing and for tests of the pure conversion.
class PlaceholderResources : public ResourceProvider {
 public:
  Expected<int> acquire(const ResourceSpec& spec) override;
  const std::vector<ResourceSpec>& specs() const { return specs_; }

  static constexpr int kFirstPlaceholder = 1000000;

 private:
  std::vector<ResourceSpec> specs_;
  std::map<int, int> fd_numbers_;  // !fd N -> placeholder.
  int executable_ = -1;
  int next_ = kFirstPlaceholder;
};

struct Converted {
  // Serialized argdata; its descriptor values are indices into `fds`.
  std::vector<uint8_t> argdata;
  // Distinct descriptors (as returned by the provider) in order of first
  // appearance, depth first: fds[i] becomes descriptor i in the program.
  std::vector<int> fds;
};

Expected<Converted> convert(const Document& doc, ResourceProvider& resources);

}  // namespace cloudabi::run
