#include "run/convert.h"

#include <time.h>

#include <deque>
#include <string>
#include <unordered_map>

#include <argdata.h>
#include "run/scalar.h"
#include "run/suggest.h"

namespace cloudabi::run {
namespace {

enum class Core { kNull, kBool, kInt, kFloat, kStr, kBinary, kTimestamp, kSeq, kMap };

std::optional<Core> core_tag(const std::string& tag) {
  if (!std::string_view(tag).starts_with(kYamlTagPrefix)) return std::nullopt;
  std::string_view s = std::string_view(tag).substr(kYamlTagPrefix.size());
  if (s == "null") return Core::kNull;
  if (s == "bool") return Core::kBool;
  if (s == "int") return Core::kInt;
  if (s == "float") return Core::kFloat;
  if (s == "str") return Core::kStr;
  if (s == "binary") return Core::kBinary;
  if (s == "timestamp") return Core::kTimestamp;
  if (s == "seq") return Core::kSeq;
  if (s == "map") return Core::kMap;
  return std::nullopt;
}

std::string_view kind_word(NodeKind k) {
  switch (k) {
    case NodeKind::kScalar:
      return "a scalar";
    case NodeKind::kSequence:
      return "a sequence";
    case NodeKind::kMapping:
      return "a mapping";
  }
  return "a node";
}

constexpr std::string_view kKnownTags[] = {
    "!!null", "!!bool", "!!int", "!!float", "!!str",   "!!binary",   "!!timestamp",
    "!!seq",  "!!map",  "!fd",   "!file",   "!socket", "!executable"};

// Builds the argdata tree and owns everything it references.
class Converter {
 public:
  explicit Converter(ResourceProvider& resources) : resources_(resources) {}
  ~Converter() {
    for (auto it = owned_.rbegin(); it != owned_.rend(); ++it) argdata_free(*it);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  Expected<const argdata_t*> convert(const Node& n) {
    auto memo = memo_.find(&n);
    if (memo != memo_.end()) return memo->second;
    auto r = convert_uncached(n);
    if (r) memo_.emplace(&n, *r);
    return r;
  }

 private:
  Expected<const argdata_t*> own(argdata_t* ad, const Node& n) {
    if (ad == nullptr) {
      int err = errno;
      if (err == EILSEQ) return ConfigError::at(n.mark, "this string is not valid UTF-8", err);
      return ConfigError::from_errno(n.mark, "cannot build the argument data", err);
    }
    owned_.push_back(ad);
    return static_cast<const argdata_t*>(ad);
  }

  ConfigError wrong_kind(const Node& n, const std::string& tag) {
    return ConfigError::at(n.mark, "the tag " + display_tag(tag) + " cannot be used on " +
                                       std::string(kind_word(n.kind)));
  }

  Expected<const argdata_t*> convert_uncached(const Node& n) {
    const std::string& tag = n.tag;
    if (auto kind = resource_kind_of_tag(tag)) {
      auto spec = parse_resource(*kind, n);
      if (!spec) return spec.error();
      auto fd = resources_.acquire(*spec);
      if (!fd) return fd.error();
      return own(argdata_create_fd(*fd), n);
    }
    std::optional<Core> core;
    if (tag.empty()) {
      if (n.kind == NodeKind::kSequence) {
        core = Core::kSeq;
      } else if (n.kind == NodeKind::kMapping) {
        core = Core::kMap;
      } else if (n.style != ScalarStyle::kPlain) {
        core = Core::kStr;
      } else {
        switch (resolve_plain_scalar(n.value)) {
          case CoreType::kNull:
            core = Core::kNull;
            break;
          case CoreType::kBool:
            core = Core::kBool;
            break;
          case CoreType::kInt:
            core = Core::kInt;
            break;
          case CoreType::kFloat:
            core = Core::kFloat;
            break;
          case CoreType::kStr:
            core = Core::kStr;
            break;
        }
      }
    } else if (tag == "!") {
      // The non-specific tag: strings, plain sequences and mappings.
      core = n.kind == NodeKind::kSequence  ? Core::kSeq
             : n.kind == NodeKind::kMapping ? Core::kMap
                                            : Core::kStr;
    } else {
      core = core_tag(tag);
      if (!core) {
        std::string message = "unknown tag " + display_tag(tag);
        std::string suggestion = closest(display_tag(tag), kKnownTags, 2);
        if (!suggestion.empty()) message += "; did you mean " + suggestion + "?";
        return ConfigError::at(n.mark, message);
      }
    }
    if (*core == Core::kSeq) {
      if (n.kind != NodeKind::kSequence) return wrong_kind(n, tag);
      return convert_seq(n);
    }
    if (*core == Core::kMap) {
      if (n.kind != NodeKind::kMapping) return wrong_kind(n, tag);
      return convert_map(n);
    }
    if (n.kind != NodeKind::kScalar) return wrong_kind(n, tag);
    return convert_scalar(n, *core);
  }

  Expected<const argdata_t*> convert_scalar(const Node& n, Core core) {
    const std::string& v = n.value;
    std::string error;
    switch (core) {
      case Core::kNull:
        if (!is_null_form(v)) {
          return ConfigError::at(n.mark, "'" + v + "' is not a null value (null, ~ or nothing)");
        }
        return &argdata_null;
      case Core::kBool: {
        auto b = parse_bool(v);
        if (!b) return ConfigError::at(n.mark, "'" + v + "' is not a boolean (true or false)");
        return *b ? &argdata_true : &argdata_false;
      }
      case Core::kInt: {
        auto i = parse_int(v, &error);
        if (!i) return ConfigError::at(n.mark, error);
        return own(i->is_unsigned ? argdata_create_int_u(i->u) : argdata_create_int_s(i->s), n);
      }
      case Core::kFloat: {
        std::optional<double> f;
        // !!float also takes integers, including 0o and 0x forms.
        if (!matches_float_form(v) && matches_int_form(v)) {
          auto i = parse_int(v, &error);
          if (!i) return ConfigError::at(n.mark, error);
          f = i->is_unsigned ? static_cast<double>(i->u) : static_cast<double>(i->s);
        } else {
          f = parse_float(v, &error);
        }
        if (!f) return ConfigError::at(n.mark, error);
        return own(argdata_create_float(*f), n);
      }
      case Core::kStr:
        return own(argdata_create_str(v.data(), v.size()), n);
      case Core::kBinary: {
        auto bytes = decode_base64(v, &error);
        if (!bytes) return ConfigError::at(n.mark, "invalid !!binary: " + error);
        buffers_.push_back(std::move(*bytes));
        const auto& b = buffers_.back();
        return own(argdata_create_binary(b.data(), b.size()), n);
      }
      case Core::kTimestamp: {
        auto ts = parse_timestamp(v, &error);
        if (!ts) return ConfigError::at(n.mark, error);
        struct timespec spec;
        spec.tv_sec = static_cast<time_t>(ts->seconds);
        spec.tv_nsec = static_cast<long>(ts->nanoseconds);
        return own(argdata_create_timestamp(&spec), n);
      }
      case Core::kSeq:
      case Core::kMap:
        break;
    }
    return ConfigError::at(n.mark, "internal error: unexpected scalar type");
  }

  Expected<const argdata_t*> convert_seq(const Node& n) {
    std::vector<const argdata_t*> elements;
    elements.reserve(n.children.size());
    for (const Node* c : n.children) {
      auto e = convert(*c);
      if (!e) return e.error();
      elements.push_back(*e);
    }
    arrays_.push_back(std::move(elements));
    const auto& a = arrays_.back();
    return own(argdata_create_seq(a.data(), a.size()), n);
  }

  Expected<const argdata_t*> convert_map(const Node& n) {
    std::vector<const argdata_t*> keys, values;
    keys.reserve(n.children.size() / 2);
    values.reserve(n.children.size() / 2);
    // Keys must be distinct; compare their encodings.
    std::unordered_map<std::string, Mark> seen;
    for (size_t i = 0; i + 1 < n.children.size(); i += 2) {
      const Node& key_node = *n.children[i];
      auto k = convert(key_node);
      if (!k) return k.error();
      size_t len;
      argdata_serialized_length(*k, &len, nullptr);
      std::string encoded(len, '\0');
      argdata_serialize(*k, encoded.data(), nullptr);
      auto [it, inserted] = seen.emplace(std::move(encoded), key_node.mark);
      if (!inserted) {
        std::string shown =
            key_node.is_scalar() && key_node.value.size() <= 40 ? " '" + key_node.value + "'" : "";
        return ConfigError::at(key_node.mark, "duplicate key" + shown + " in a mapping (first at " +
                                                  it->second.str() + ")");
      }
      auto v = convert(*n.children[i + 1]);
      if (!v) return v.error();
      keys.push_back(*k);
      values.push_back(*v);
    }
    arrays_.push_back(std::move(keys));
    const auto& ka = arrays_.back();
    arrays_.push_back(std::move(values));
    const auto& va = arrays_.back();
    return own(argdata_create_map(ka.data(), va.data(), ka.size()), n);
  }

  ResourceProvider& resources_;
  std::vector<argdata_t*> owned_;
  std::deque<std::vector<const argdata_t*>> arrays_;
  std::deque<std::vector<unsigned char>> buffers_;
  std::unordered_map<const Node*, const argdata_t*> memo_;
};

}  // namespace

Expected<int> PlaceholderResources::acquire(const ResourceSpec& spec) {
  specs_.push_back(spec);
  if (auto* fd = std::get_if<FdSpec>(&spec.spec)) {
    auto [it, inserted] = fd_numbers_.emplace(fd->fd, next_);
    if (inserted) ++next_;
    return it->second;
  }
  if (spec.kind == ResourceKind::kExecutable) {
    if (executable_ < 0) executable_ = next_++;
    return executable_;
  }
  return next_++;
}

Expected<Converted> convert(const Document& doc, ResourceProvider& resources) {
  Converter converter(resources);
  auto root = converter.convert(*doc.root);
  if (!root) return root.error();
  size_t size = 0, n_fds = 0;
  argdata_serialized_length(*root, &size, &n_fds);
  Converted out;
  out.argdata.resize(size);
  out.fds.resize(n_fds);
  size_t distinct = argdata_serialize(*root, out.argdata.data(), out.fds.data());
  out.fds.resize(distinct);
  return out;
}

}  // namespace cloudabi::run
