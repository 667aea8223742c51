// Reads one YAML document (libyaml's event API) into a tree of nodes that
// keeps what the conversion to argdata needs: each node's tag (after %TAG
// expansion), scalar style and start position.
//
// Aliases are resolved while reading: an alias becomes another reference to
// the anchored node, so the result is a DAG in which shared nodes are shared
// objects. Limits on the expanded size (node count, nesting depth, bytes)
// stop alias expansion bombs before anything is expanded.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "run/error.h"

namespace cloudabi::run {

enum class NodeKind { kScalar, kSequence, kMapping };
enum class ScalarStyle { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

struct Node {
  NodeKind kind = NodeKind::kScalar;
  // The full tag, e.g. "tag:yaml.org,2002:str", "!fd" or
  // "tag:nuxi.nl,2015:cloudabi/fd"; "!" for the non-specific tag; empty if
  // the node has no tag.
  std::string tag;
  std::string value;  // Scalars only.
  ScalarStyle style = ScalarStyle::kPlain;
  Mark mark;  // Start of the node, including its tag and anchor.
  // Sequence: the elements. Mapping: key, value, key, value, ...
  std::vector<const Node*> children;

  // With aliases expanded: number of nodes, nesting height (number of
  // collections on the longest path down; 0 for a scalar) and an upper
  // estimate of the serialized size.
  uint64_t expanded_nodes = 1;
  uint64_t height = 0;
  uint64_t expanded_bytes = 0;

  bool is_scalar() const { return kind == NodeKind::kScalar; }
  bool is_plain() const { return kind == NodeKind::kScalar && style == ScalarStyle::kPlain; }
};

struct Document {
  std::vector<std::unique_ptr<Node>> nodes;  // Owns every node.
  const Node* root = nullptr;                // Never null after read_yaml.
};

struct YamlLimits {
  uint64_t max_nodes = 1'000'000;
  uint64_t max_depth = 512;
  uint64_t max_bytes = 64 << 20;
};

// Parses exactly one document. An empty stream or empty document yields a
// null scalar. Errors carry the position of the problem.
Expected<Document> read_yaml(std::string_view text, const YamlLimits& limits = {});

// A tag as the user would write it: "!!str" for tag:yaml.org,2002:str, "!fd"
// for tag:nuxi.nl,2015:cloudabi/fd, "!<uri>" for other URIs.
std::string display_tag(const std::string& tag);

constexpr std::string_view kYamlTagPrefix = "tag:yaml.org,2002:";
constexpr std::string_view kCloudabiTagPrefix = "tag:nuxi.nl,2015:cloudabi/";

}  // namespace cloudabi::run
