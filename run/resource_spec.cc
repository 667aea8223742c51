#include "run/resource_spec.h"

#include <climits>
#include <map>

#include "run/scalar.h"

namespace cloudabi::run {
namespace {

std::string_view kind_word(const Node& n) {
  switch (n.kind) {
    case NodeKind::kScalar:
      return "a scalar";
    case NodeKind::kSequence:
      return "a sequence";
    case NodeKind::kMapping:
      return "a mapping";
  }
  return "a node";
}

bool is_string_tag(const std::string& tag) {
  return tag.empty() || tag == "!" || tag == std::string(kYamlTagPrefix) + "str";
}

// The text of a scalar that is used as a string.
Expected<std::string> string_value(const Node& n, std::string_view tag, std::string_view key) {
  if (!n.is_scalar()) {
    return ConfigError::at(n.mark, std::string(tag) + " needs a string for '" + std::string(key) +
                                       "', not " + std::string(kind_word(n)));
  }
  if (!is_string_tag(n.tag)) {
    return ConfigError::at(n.mark, std::string(tag) + " needs a string for '" + std::string(key) +
                                       "', not a value tagged " + display_tag(n.tag));
  }
  if (n.tag.empty() && n.is_plain() && is_null_form(n.value)) {
    return ConfigError::at(n.mark,
                           "'" + std::string(key) + "' of " + std::string(tag) + " needs a value");
  }
  return n.value;
}

Expected<bool> bool_value(const Node& n, std::string_view tag, std::string_view key) {
  std::optional<bool> b;
  if (n.is_scalar() && (n.tag.empty() || n.tag == std::string(kYamlTagPrefix) + "bool")) {
    b = parse_bool(n.value);
  }
  if (!b) {
    return ConfigError::at(
        n.mark, "'" + std::string(key) + "' of " + std::string(tag) + " must be true or false");
  }
  return *b;
}

Expected<RightsSpec> rights_value(const Node& n, std::string_view key) {
  RightsSpec spec;
  spec.mark = n.mark;
  auto unknown_right = [&](const Node& item) {
    std::string message = "unknown right '" + item.value + "'";
    std::string suggestion = suggest_right_name(item.value);
    if (!suggestion.empty()) message += "; did you mean " + suggestion + "?";
    return ConfigError::at(item.mark, message);
  };
  if (n.is_scalar() && is_string_tag(n.tag)) {
    if (auto preset = parse_preset(n.value)) {
      spec.preset = preset;
      return spec;
    }
    if (auto bit = parse_right_name(n.value)) {
      spec.bits = *bit;
      return spec;
    }
    std::string message = "'" + std::string(key) + ": " + n.value +
                          "' is neither a rights preset (" + preset_names() + ") nor a right name";
    std::string suggestion = suggest_preset_name(n.value);
    if (suggestion.empty()) suggestion = suggest_right_name(n.value);
    if (!suggestion.empty()) message += "; did you mean " + suggestion + "?";
    return ConfigError::at(n.mark, message);
  }
  if (n.kind == NodeKind::kSequence &&
      (n.tag.empty() || n.tag == std::string(kYamlTagPrefix) + "seq")) {
    for (const Node* item : n.children) {
      if (!item->is_scalar() || !is_string_tag(item->tag)) {
        return ConfigError::at(item->mark, "the list of '" + std::string(key) +
                                               "' may only contain right names like FD_READ");
      }
      auto bit = parse_right_name(item->value);
      if (!bit) {
        if (parse_preset(item->value)) {
          return ConfigError::at(item->mark, "'" + item->value +
                                                 "' is a preset; write it alone, as '" +
                                                 std::string(key) + ": " + item->value +
                                                 "', not in a list of right names");
        }
        return unknown_right(*item);
      }
      spec.bits |= *bit;
    }
    return spec;
  }
  return ConfigError::at(n.mark, "'" + std::string(key) + "' needs a preset (" + preset_names() +
                                     ") or a list of right names like [FD_READ, FD_SEEK]");
}

Expected<unsigned> mode_value(const Node& n) {
  std::string_view t = n.is_scalar() ? std::string_view(n.value) : std::string_view();
  if (t.starts_with("0o")) t.remove_prefix(2);
  bool ok = n.is_scalar() && !t.empty() && t.size() <= 5 && n.tag.empty();
  unsigned v = 0;
  for (char c : t) {
    if (c < '0' || c > '7') ok = false;
    v = v * 8 + static_cast<unsigned>(c - '0');
  }
  if (!ok || v > 07777) {
    return ConfigError::at(n.mark, "'mode' must be octal permission bits like 0644");
  }
  return v;
}

// Walks a mapping of a resource tag: plain-word keys, each at most once.
class Fields {
 public:
  Fields(const Node& map, std::string_view tag) : map_(map), tag_(tag) {}

  Expected<void> collect(std::initializer_list<std::string_view> allowed) {
    for (size_t i = 0; i + 1 < map_.children.size(); i += 2) {
      const Node& key = *map_.children[i];
      if (!key.is_scalar() || !is_string_tag(key.tag)) {
        return ConfigError::at(key.mark, "the keys of " + std::string(tag_) +
                                             " are plain words like 'path', not " +
                                             std::string(kind_word(key)));
      }
      bool known = false;
      for (std::string_view a : allowed) known = known || a == key.value;
      if (!known) {
        std::string list;
        for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        return ConfigError::at(key.mark, std::string(tag_) + " has no key '" + key.value +
                                             "' (its keys are " + list + ")");
      }
      auto [it, inserted] = fields_.emplace(key.value, Field{&key, map_.children[i + 1]});
      if (!inserted) {
        return ConfigError::at(key.mark, "'" + key.value + "' appears twice in " +
                                             std::string(tag_) + " (first at " +
                                             it->second.key->mark.str() + ")");
      }
    }
    return {};
  }

  const Node* get(std::string_view key) const {
    auto it = fields_.find(std::string(key));
    return it == fields_.end() ? nullptr : it->second.value;
  }
  Mark key_mark(std::string_view key) const {
    auto it = fields_.find(std::string(key));
    return it == fields_.end() ? Mark{} : it->second.key->mark;
  }

 private:
  struct Field {
    const Node* key;
    const Node* value;
  };
  const Node& map_;
  std::string_view tag_;
  std::map<std::string, Field> fields_;
};

// The node under a resource tag carries that tag itself.
bool is_map(const Node& n) { return n.kind == NodeKind::kMapping; }

Expected<ResourceSpec> parse_fd(const Node& n) {
  if (!n.is_scalar()) {
    return ConfigError::at(n.mark, "!fd needs stdin, stdout, stderr or a descriptor number, not " +
                                       std::string(kind_word(n)));
  }
  FdSpec fd;
  fd.name = n.value;
  fd.mark = n.mark;
  if (n.value == "stdin") {
    fd.fd = 0;
  } else if (n.value == "stdout") {
    fd.fd = 1;
  } else if (n.value == "stderr") {
    fd.fd = 2;
  } else {
    bool digits = !n.value.empty();
    long long v = 0;
    for (char c : n.value) {
      if (c < '0' || c > '9') {
        digits = false;
        break;
      }
      v = v * 10 + (c - '0');
      if (v > INT_MAX) {
        return ConfigError::at(n.mark, "descriptor number " + n.value + " is too large");
      }
    }
    if (!digits) {
      std::string message = "!fd needs stdin, stdout, stderr or a descriptor number";
      if (!n.value.empty()) message += ", not '" + n.value + "'";
      return ConfigError::at(n.mark, message);
    }
    fd.fd = static_cast<int>(v);
  }
  return ResourceSpec{ResourceKind::kFd, n.mark, fd};
}

Expected<ResourceSpec> parse_file(const Node& n) {
  if (!is_map(n)) {
    return ConfigError::at(
        n.mark, "!file needs a mapping like {path: /srv/data}, not " + std::string(kind_word(n)));
  }
  Fields fields(n, "!file");
  auto collected = fields.collect({"path", "type", "rights", "inheriting", "create", "exclusive",
                                   "truncate", "append", "mode"});
  if (!collected) return collected.error();
  FileSpec f;
  const Node* path = fields.get("path");
  if (path == nullptr) return ConfigError::at(n.mark, "!file needs a 'path' key");
  auto p = string_value(*path, "!file", "path");
  if (!p) return p.error();
  if (p->find('\0') != std::string::npos) {
    return ConfigError::at(path->mark, "the path of !file contains a NUL character");
  }
  f.path = *p;
  f.path_mark = path->mark;
  if (const Node* t = fields.get("type")) {
    auto s = string_value(*t, "!file", "type");
    if (!s) return s.error();
    if (*s == "file") {
      f.type = FileSpec::Type::kFile;
    } else if (*s == "directory") {
      f.type = FileSpec::Type::kDirectory;
    } else {
      return ConfigError::at(t->mark,
                             "'type' of !file must be file or directory, not '" + *s + "'");
    }
    f.type_mark = t->mark;
  }
  if (const Node* r = fields.get("rights")) {
    auto rs = rights_value(*r, "rights");
    if (!rs) return rs.error();
    f.rights = *rs;
  }
  if (const Node* r = fields.get("inheriting")) {
    auto rs = rights_value(*r, "inheriting");
    if (!rs) return rs.error();
    f.inheriting = *rs;
  }
  struct {
    const char* key;
    bool* out;
    Mark* mark;
  } flags[] = {{"create", &f.create, &f.create_mark},
               {"exclusive", &f.exclusive, nullptr},
               {"truncate", &f.truncate, &f.truncate_mark},
               {"append", &f.append, &f.append_mark}};
  for (auto& flag : flags) {
    if (const Node* v = fields.get(flag.key)) {
      auto b = bool_value(*v, "!file", flag.key);
      if (!b) return b.error();
      *flag.out = *b;
      if (flag.mark != nullptr) *flag.mark = v->mark;
    }
  }
  if (const Node* m = fields.get("mode")) {
    auto mode = mode_value(*m);
    if (!mode) return mode.error();
    f.mode = *mode;
    f.mode_mark = m->mark;
  }
  // Combinations that cannot mean anything.
  if (f.exclusive && !f.create) {
    return ConfigError::at(fields.key_mark("exclusive"), "'exclusive: true' needs 'create: true'");
  }
  if (f.mode && !f.create) {
    return ConfigError::at(fields.key_mark("mode"), "'mode' only applies with 'create: true'");
  }
  if (f.type == FileSpec::Type::kDirectory) {
    if (f.truncate) {
      return ConfigError::at(fields.key_mark("truncate"), "a directory cannot be truncated");
    }
    if (f.append) {
      return ConfigError::at(fields.key_mark("append"),
                             "a directory cannot be opened for appending");
    }
  }
  if (f.append && f.rights && !f.rights->preset &&
      (f.rights->bits & CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS)) {
    return ConfigError::at(f.rights->mark,
                           "'append: true' cannot be combined with FD_STAT_PUT_FLAGS, which lets "
                           "the program turn appending off");
  }
  if (f.rights && f.rights->preset == Preset::kAppendOnly) f.append = true;
  return ResourceSpec{ResourceKind::kFile, n.mark, f};
}

Expected<ResourceSpec> parse_socket(const Node& n) {
  if (!is_map(n)) {
    return ConfigError::at(n.mark, "!socket needs a mapping like {bind: 127.0.0.1:8080}, not " +
                                       std::string(kind_word(n)));
  }
  Fields fields(n, "!socket");
  auto collected = fields.collect({"type", "bind", "connect"});
  if (!collected) return collected.error();
  SocketSpec s;
  if (const Node* t = fields.get("type")) {
    auto v = string_value(*t, "!socket", "type");
    if (!v) return v.error();
    if (*v == "stream") {
      s.stream = true;
    } else if (*v == "dgram") {
      s.stream = false;
    } else {
      return ConfigError::at(t->mark,
                             "'type' of !socket must be stream or dgram, not '" + *v + "'");
    }
  }
  const Node* bind = fields.get("bind");
  const Node* connect = fields.get("connect");
  if ((bind == nullptr) == (connect == nullptr)) {
    return ConfigError::at(bind != nullptr ? fields.key_mark("connect") : n.mark,
                           "!socket needs exactly one of 'bind' and 'connect'");
  }
  s.bind = bind != nullptr;
  const Node& addr = bind != nullptr ? *bind : *connect;
  auto text = string_value(addr, "!socket", s.bind ? "bind" : "connect");
  if (!text) return text.error();
  std::string error;
  auto a = parse_address(*text, s.bind, &error);
  if (!a) return ConfigError::at(addr.mark, error);
  s.address_text = *text;
  s.address = *a;
  s.address_mark = addr.mark;
  return ResourceSpec{ResourceKind::kSocket, n.mark, s};
}

}  // namespace

std::optional<ResourceKind> resource_kind_of_tag(const std::string& tag) {
  std::string_view t = tag;
  if (t.starts_with(kCloudabiTagPrefix)) {
    t.remove_prefix(kCloudabiTagPrefix.size());
  } else if (t.starts_with("!")) {
    t.remove_prefix(1);
  } else {
    return std::nullopt;
  }
  if (t == "fd") return ResourceKind::kFd;
  if (t == "file") return ResourceKind::kFile;
  if (t == "socket") return ResourceKind::kSocket;
  if (t == "executable") return ResourceKind::kExecutable;
  return std::nullopt;
}

std::string_view tag_name(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::kFd:
      return "!fd";
    case ResourceKind::kFile:
      return "!file";
    case ResourceKind::kSocket:
      return "!socket";
    case ResourceKind::kExecutable:
      return "!executable";
  }
  return "!?";
}

Expected<ResourceSpec> parse_resource(ResourceKind kind, const Node& node) {
  switch (kind) {
    case ResourceKind::kFd:
      return parse_fd(node);
    case ResourceKind::kFile:
      return parse_file(node);
    case ResourceKind::kSocket:
      return parse_socket(node);
    case ResourceKind::kExecutable:
      if (!node.is_scalar()) {
        return ConfigError::at(
            node.mark, "!executable takes no value, but has " + std::string(kind_word(node)));
      }
      return ResourceSpec{ResourceKind::kExecutable, node.mark, ExecutableSpec{}};
  }
  return ConfigError::at(node.mark, "unknown resource");
}

std::string ResourceSpec::summary() const {
  std::string out(tag_name(kind));
  if (auto* fd = std::get_if<FdSpec>(&spec)) {
    out += " " + fd->name;
  } else if (auto* f = std::get_if<FileSpec>(&spec)) {
    out += " " + f->path;
  } else if (auto* s = std::get_if<SocketSpec>(&spec)) {
    out += std::string(s->stream ? " stream" : " dgram") + (s->bind ? " bind " : " connect ") +
           s->address_text;
  }
  return out;
}

}  // namespace cloudabi::run
