#include "run/yaml_reader.h"

#include <yaml.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace cloudabi::run {
namespace {

constexpr uint64_t kNodeOverhead = 16;  // Tag and length bytes, generously.

Mark to_mark(const yaml_mark_t& m) {
  return Mark{static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1};
}

// Line and column (1-based, column in bytes) of a byte offset.
Mark mark_of_offset(std::string_view text, size_t offset) {
  Mark m{1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++m.line;
      m.column = 1;
    } else {
      ++m.column;
    }
  }
  return m;
}

std::string str_of(const yaml_char_t* s) {
  return s == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(s));
}

// The libyaml parser and the current event, released on every path.
class Parser {
 public:
  explicit Parser(std::string_view text) {
    ok_ = yaml_parser_initialize(&parser_) != 0;
    if (ok_) {
      yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                   text.size());
    }
  }
  ~Parser() {
    clear_event();
    if (ok_) yaml_parser_delete(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  bool initialized() const { return ok_; }
  bool next() {
    clear_event();
    have_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    return have_event_;
  }
  const yaml_event_t& event() const { return event_; }
  const yaml_parser_t& parser() const { return parser_; }

 private:
  void clear_event() {
    if (have_event_) yaml_event_delete(&event_);
    have_event_ = false;
  }
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool ok_ = false;
  bool have_event_ = false;
};

ConfigError parse_error(const yaml_parser_t& p, std::string_view text) {
  if (p.error == YAML_MEMORY_ERROR) {
    return ConfigError::at(Mark{}, "out of memory while reading the YAML configuration", ENOMEM);
  }
  std::string problem = p.problem != nullptr ? p.problem : "malformed YAML";
  if (p.error == YAML_READER_ERROR) {
    // Encoding problems: libyaml reports a byte offset, not a mark.
    Mark m = mark_of_offset(text, p.problem_offset);
    if (p.problem_value != -1) {
      char buf[16];
      std::snprintf(buf, sizeof(buf), " (0x%x)", static_cast<unsigned>(p.problem_value));
      problem += buf;
    }
    return ConfigError::at(m, "invalid YAML input: " + problem);
  }
  std::string message = problem;
  if (p.context != nullptr) {
    message += " (";
    message += p.context;
    Mark cm = to_mark(p.context_mark);
    if (!(cm == to_mark(p.problem_mark))) message += " that starts at " + cm.str();
    message += ")";
    // libyaml reads "[a, !executable]" as the tag "!executable]"; say so.
    size_t at = p.problem_mark.index;
    if (std::string_view(p.context) == "while scanning a tag" && at < text.size() &&
        (text[at] == ',' || text[at] == ']' || text[at] == '}')) {
      message +=
          "; write a space between a tag and the '" + std::string(1, text[at]) + "' after it";
    }
  }
  return ConfigError::at(to_mark(p.problem_mark), "malformed YAML: " + message);
}

class Builder {
 public:
  Builder(std::string_view text, const YamlLimits& limits) : text_(text), limits_(limits) {}

  Expected<Document> run() {
    Parser parser(text_);
    if (!parser.initialized()) {
      return ConfigError::at(Mark{}, "out of memory while reading the YAML configuration", ENOMEM);
    }
    bool seen_document = false;
    for (;;) {
      if (!parser.next()) return parse_error(parser.parser(), text_);
      const yaml_event_t& e = parser.event();
      Mark mark = to_mark(e.start_mark);
      switch (e.type) {
        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
          break;
        case YAML_DOCUMENT_START_EVENT:
          if (seen_document) {
            return ConfigError::at(mark,
                                   "a second YAML document starts here, but the configuration "
                                   "must be exactly one document");
          }
          seen_document = true;
          break;
        case YAML_STREAM_END_EVENT:
          if (doc_.root == nullptr) {
            Node* n = new_node(NodeKind::kScalar, Mark{1, 1});
            doc_.root = n;
          }
          return std::move(doc_);
        case YAML_ALIAS_EVENT: {
          auto r = alias(str_of(e.data.alias.anchor), mark);
          if (!r) return r.error();
          break;
        }
        case YAML_SCALAR_EVENT: {
          Node* n = new_node(NodeKind::kScalar, mark);
          n->tag = str_of(e.data.scalar.tag);
          n->value.assign(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
          switch (e.data.scalar.style) {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE:
              n->style = ScalarStyle::kSingleQuoted;
              break;
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
              n->style = ScalarStyle::kDoubleQuoted;
              break;
            case YAML_LITERAL_SCALAR_STYLE:
              n->style = ScalarStyle::kLiteral;
              break;
            case YAML_FOLDED_SCALAR_STYLE:
              n->style = ScalarStyle::kFolded;
              break;
            default:
              n->style = ScalarStyle::kPlain;
              break;
          }
          n->expanded_bytes = kNodeOverhead + n->value.size();
          auto r = add(n, kNodeOverhead + n->value.size(), mark);
          if (!r) return r.error();
          if (e.data.scalar.anchor != nullptr) {
            anchors_[str_of(e.data.scalar.anchor)] = Anchor{n, true};
          }
          break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
          bool seq = e.type == YAML_SEQUENCE_START_EVENT;
          if (open_.size() + 1 > limits_.max_depth) {
            return ConfigError::at(mark, "the configuration nests deeper than " +
                                             std::to_string(limits_.max_depth) + " levels");
          }
          Node* n = new_node(seq ? NodeKind::kSequence : NodeKind::kMapping, mark);
          n->tag = str_of(seq ? e.data.sequence_start.tag : e.data.mapping_start.tag);
          auto r = add(n, kNodeOverhead, mark);
          if (!r) return r.error();
          const yaml_char_t* anchor =
              seq ? e.data.sequence_start.anchor : e.data.mapping_start.anchor;
          std::string anchor_name = str_of(anchor);
          if (anchor != nullptr) anchors_[anchor_name] = Anchor{n, false};
          open_.push_back(Open{n, anchor != nullptr, anchor_name});
          break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: {
          Open o = open_.back();
          open_.pop_back();
          Node* n = o.node;
          n->expanded_nodes = 1;
          n->expanded_bytes = kNodeOverhead;
          n->height = 1;
          for (const Node* c : n->children) {
            n->expanded_nodes += c->expanded_nodes;
            n->expanded_bytes += c->expanded_bytes;
            n->height = std::max(n->height, c->height + 1);
          }
          if (o.has_anchor) {
            auto it = anchors_.find(o.anchor);
            // A later node may have reused the name; only finish our own.
            if (it != anchors_.end() && it->second.node == n) it->second.complete = true;
          }
          break;
        }
      }
    }
  }

 private:
  struct Anchor {
    const Node* node = nullptr;
    bool complete = false;
  };
  struct Open {
    Node* node;
    bool has_anchor;
    std::string anchor;
  };

  Node* new_node(NodeKind kind, Mark mark) {
    doc_.nodes.push_back(std::make_unique<Node>());
    Node* n = doc_.nodes.back().get();
    n->kind = kind;
    n->mark = mark;
    return n;
  }

  // Accounts for `nodes` more expanded nodes and `bytes` more bytes.
  Expected<void> account(uint64_t nodes, uint64_t bytes, Mark mark, bool is_alias) {
    total_nodes_ += nodes;
    total_bytes_ += bytes;
    std::string hint = is_alias ? " (an alias expansion bomb?)" : "";
    if (total_nodes_ > limits_.max_nodes) {
      return ConfigError::at(mark, "the configuration expands to more than " +
                                       std::to_string(limits_.max_nodes) + " nodes" + hint);
    }
    if (total_bytes_ > limits_.max_bytes) {
      return ConfigError::at(mark, "the configuration expands to more than " +
                                       std::to_string(limits_.max_bytes >> 20) +
                                       " MiB of argument data" + hint);
    }
    return {};
  }

  // Attaches a new node to the open collection (or makes it the root).
  Expected<void> add(Node* n, uint64_t bytes, Mark mark) {
    auto r = account(1, bytes, mark, false);
    if (!r) return r;
    attach(n);
    return {};
  }

  Expected<void> alias(const std::string& name, Mark mark) {
    auto it = anchors_.find(name);
    if (it == anchors_.end()) {
      return ConfigError::at(mark, "alias *" + name + " refers to an anchor &" + name +
                                       " that is not defined before it");
    }
    if (!it->second.complete) {
      return ConfigError::at(mark, "alias *" + name + " refers to the node &" + name +
                                       " that contains it, which would be infinitely deep");
    }
    const Node* target = it->second.node;
    if (open_.size() + target->height > limits_.max_depth) {
      return ConfigError::at(mark, "alias *" + name + " makes the configuration nest deeper than " +
                                       std::to_string(limits_.max_depth) + " levels");
    }
    auto r = account(target->expanded_nodes, target->expanded_bytes, mark, true);
    if (!r) return r;
    attach(target);
    return {};
  }

  void attach(const Node* n) {
    if (open_.empty()) {
      doc_.root = n;
    } else {
      open_.back().node->children.push_back(n);
    }
  }

  std::string_view text_;
  YamlLimits limits_;
  Document doc_;
  std::vector<Open> open_;
  std::unordered_map<std::string, Anchor> anchors_;
  uint64_t total_nodes_ = 0;
  uint64_t total_bytes_ = 0;
};

}  // namespace

Expected<Document> read_yaml(std::string_view text, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return ConfigError::at(Mark{}, "the configuration is larger than " +
                                       std::to_string(limits.max_bytes >> 20) + " MiB");
  }
  return Builder(text, limits).run();
}

std::string display_tag(const std::string& tag) {
  std::string_view t = tag;
  if (t.starts_with(kYamlTagPrefix)) return "!!" + std::string(t.substr(kYamlTagPrefix.size()));
  if (t.starts_with(kCloudabiTagPrefix)) {
    return "!" + std::string(t.substr(kCloudabiTagPrefix.size()));
  }
  if (t.starts_with("!")) return tag;
  return "!<" + tag + ">";
}

}  // namespace cloudabi::run
