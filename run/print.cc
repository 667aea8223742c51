#include "run/print.h"

#include <argdata.h>
#include <fcntl.h>

#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "run/scalar.h"

namespace cloudabi::run {
namespace {

int identity_fd(void*, size_t raw) { return raw > INT_MAX ? -1 : static_cast<int>(raw); }

bool is_seq(const argdata_t* ad) {
  argdata_seq_iterator_t it;
  argdata_seq_iterate(ad, &it);
  return it.index != ARGDATA_ITERATOR_INVALID;
}

bool is_map(const argdata_t* ad) {
  argdata_map_iterator_t it;
  argdata_map_iterate(ad, &it);
  return it.index != ARGDATA_ITERATOR_INVALID;
}

bool is_empty_collection(const argdata_t* ad) {
  if (is_seq(ad)) {
    argdata_seq_iterator_t it;
    argdata_seq_iterate(ad, &it);
    const argdata_t* e;
    return !argdata_seq_get(&it, &e);
  }
  argdata_map_iterator_t it;
  argdata_map_iterate(ad, &it);
  const argdata_t *k, *v;
  return !argdata_map_get(&it, &k, &v);
}

// Scalars (and empty collections) as one-line text.
std::string scalar_text(const argdata_t* ad) {
  bool b;
  if (argdata_get_bool(ad, &b) == 0) return b ? "true" : "false";
  intmax_t i;
  int r = argdata_get_int_s(ad, &i, INTMAX_MIN, INTMAX_MAX);
  if (r == 0) return std::to_string(i);
  if (r == ERANGE) {
    uintmax_t u;
    if (argdata_get_int_u(ad, &u, UINTMAX_MAX) == 0) return std::to_string(u);
    return "!error \"integer out of range\"";
  }
  double d;
  if (argdata_get_float(ad, &d) == 0) return yaml_float(d);
  const char* s;
  size_t len;
  if (argdata_get_str(ad, &s, &len) == 0) return yaml_string(std::string_view(s, len));
  const void* bin;
  if (argdata_get_binary(ad, &bin, &len) == 0) {
    return "!!binary \"" + encode_base64(static_cast<const unsigned char*>(bin), len) + "\"";
  }
  int fd;
  r = argdata_get_fd(ad, &fd);
  if (r == 0) return "!fd " + std::to_string(fd);
  if (r == EBADF) return "!fd invalid";
  struct timespec ts;
  r = argdata_get_timestamp(ad, &ts);
  if (r == 0) return "!!timestamp " + format_timestamp(Timestamp{ts.tv_sec, ts.tv_nsec});
  if (r == ERANGE) return "!error \"timestamp out of range\"";
  if (is_seq(ad)) return "[]";
  if (is_map(ad)) return "{}";
  return "null";
}

bool is_inline(const argdata_t* ad) {
  return !(is_seq(ad) || is_map(ad)) || is_empty_collection(ad);
}

std::string flow(const argdata_t* ad) {
  if (is_inline(ad)) return scalar_text(ad);
  std::string out;
  if (is_seq(ad)) {
    argdata_seq_iterator_t it;
    const argdata_t* e;
    for (argdata_seq_iterate(ad, &it); argdata_seq_get(&it, &e); argdata_seq_next(&it)) {
      out += out.empty() ? "[" : ", ";
      out += flow(e);
    }
    return out + "]";
  }
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &k, &v); argdata_map_next(&it)) {
    out += out.empty() ? "{" : ", ";
    out += "? " + flow(k) + " : " + flow(v);
  }
  return out + "}";
}

// The caller has written the prefix ("key:", "-" or "---").
void emit(const argdata_t* ad, size_t indent, std::string& out) {
  if (is_inline(ad)) {
    out += " " + scalar_text(ad) + "\n";
    return;
  }
  out += "\n";
  std::string pad(indent, ' ');
  if (is_seq(ad)) {
    argdata_seq_iterator_t it;
    const argdata_t* e;
    for (argdata_seq_iterate(ad, &it); argdata_seq_get(&it, &e); argdata_seq_next(&it)) {
      out += pad + "-";
      emit(e, indent + 2, out);
    }
    return;
  }
  argdata_map_iterator_t it;
  const argdata_t *k, *v;
  for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &k, &v); argdata_map_next(&it)) {
    // YAML allows an implicit key of at most 1024 characters; a longer one
    // must be written as an explicit "? key".
    std::string key = is_inline(k) ? scalar_text(k) : std::string();
    if (is_inline(k) && key.size() <= 1000) {
      out += pad + key + ":";
    } else if (is_inline(k)) {
      out += pad + "? " + key + "\n" + pad + ":";
    } else {
      out += pad + "? " + flow(k) + "\n" + pad + ":";
    }
    emit(v, indent + 2, out);
  }
}

// "label: word word ..." wrapped at 100 columns, continuation lines
// aligned under the first word.
std::string wrapped(const std::string& indent, const std::string& label, const std::string& text) {
  constexpr size_t kWidth = 100;
  std::string out = indent + label;
  std::string cont(indent.size() + label.size(), ' ');
  size_t col = out.size();
  bool first = true;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(pos, end - pos);
    pos = end + 1;
    if (!first && col + 1 + word.size() > kWidth) {
      out += "\n" + cont;
      col = cont.size();
      first = true;
    }
    if (!first) {
      out += ' ';
      ++col;
    }
    out += word;
    col += word.size();
    first = false;
  }
  return out + "\n";
}

// Right names, or "all" for every right.
std::string rights_text(cloudabi_rights_t rights) {
  return rights == all_rights_mask() ? "all" : format_rights(rights);
}

bool plain_safe(std::string_view s) {
  if (s.empty() || s[0] == '-' || s[0] == '.') return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '/' || c == '-' || c == '+';
    if (!ok) return false;
  }
  return resolve_plain_scalar(s) == CoreType::kStr;
}

}  // namespace

std::string yaml_string(std::string_view s) {
  if (plain_safe(s)) return std::string(s);
  std::string out = "\"";
  char buf[16];
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(s[i]);
    if (u < 0x80) {
      switch (u) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\0':
          out += "\\0";
          break;
        default:
          if (u < 0x20 || u == 0x7f) {
            std::snprintf(buf, sizeof(buf), "\\x%02x", u);
            out += buf;
          } else {
            out += static_cast<char>(u);
          }
      }
      continue;
    }
    // A multi-byte UTF-8 sequence (argdata strings are valid UTF-8). YAML
    // treats some code points as line breaks or does not allow them
    // literally: escape those.
    size_t len = u >= 0xf0 ? 4 : u >= 0xe0 ? 3 : 2;
    if (i + len > s.size()) len = s.size() - i;
    uint32_t cp = u & (len == 4 ? 0x07 : len == 3 ? 0x0f : 0x1f);
    for (size_t k = 1; k < len; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    if (cp == 0x85) {
      out += "\\N";
    } else if (cp == 0x2028) {
      out += "\\L";
    } else if (cp == 0x2029) {
      out += "\\P";
    } else if (cp < 0xa0 || cp == 0xfeff || cp == 0xfffe || cp == 0xffff) {
      std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(s.substr(i, len));
    }
    i += len - 1;
  }
  return out + "\"";
}

std::string yaml_float(double v) {
  if (std::isnan(v)) return ".nan";
  if (std::isinf(v)) return v > 0 ? ".inf" : "-.inf";
  char buf[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof(buf), "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string s = buf;
  if (matches_int_form(s)) s += ".0";
  return s;
}

std::string format_argdata_yaml(const std::vector<uint8_t>& argdata) {
  argdata_t* ad = argdata_from_buffer(argdata.data(), argdata.size(), identity_fd, nullptr);
  if (ad == nullptr) return "# cannot decode the argument data\n";
  std::string out = "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---";
  emit(ad, 0, out);
  argdata_free(ad);
  return out + "...\n";
}

std::string format_descriptor_table(std::span<const GrantInfo> descriptors,
                                    const std::string& config_name) {
  if (descriptors.empty()) return "descriptors: none\n";
  struct Row {
    std::string fd, resource, type, where;
  };
  std::vector<Row> rows;
  Row header{"fd", "resource", "type", "granted at"};
  size_t w_fd = header.fd.size(), w_res = header.resource.size(), w_type = header.type.size();
  for (size_t i = 0; i < descriptors.size(); ++i) {
    const GrantInfo& g = descriptors[i];
    Row r{std::to_string(i), g.summary, std::string(describe(g.type)),
          config_name + ":" + g.mark.str()};
    w_fd = std::max(w_fd, r.fd.size());
    w_res = std::max(w_res, r.resource.size());
    w_type = std::max(w_type, r.type.size());
    rows.push_back(std::move(r));
  }
  auto pad = [](const std::string& s, size_t w) { return s + std::string(w - s.size() + 2, ' '); };
  std::string out = "descriptors:\n";
  out += "  " + pad(header.fd, w_fd) + pad(header.resource, w_res) + pad(header.type, w_type) +
         header.where + "\n";
  std::string indent(2 + w_fd + 2 + 2, ' ');
  for (size_t i = 0; i < rows.size(); ++i) {
    const GrantInfo& g = descriptors[i];
    const Row& r = rows[i];
    out += "  " + pad(r.fd, w_fd) + pad(r.resource, w_res) + pad(r.type, w_type) + r.where + "\n";
    if (!g.detail.empty() && g.detail != g.summary.substr(g.summary.find(' ') + 1)) {
      out += indent + g.detail + "\n";
    }
    RightsPair eff = effective_rights(g.type, g.access_mode, g.rights_base, g.rights_inheriting);
    std::string origin = g.rights_origin.empty()
                             ? "the maximum for a " + std::string(describe(g.type))
                             : g.rights_origin;
    bool file_like = g.type == HostFileType::kRegularFile || g.type == HostFileType::kTty ||
                     g.type == HostFileType::kCharacterDevice || g.type == HostFileType::kFifo;
    if (file_like && g.access_mode == O_RDONLY) origin += ", opened read-only";
    if (file_like && g.access_mode == O_WRONLY) origin += ", opened write-only";
    out += wrapped(indent, "rights: ", rights_text(eff.base) + " (" + origin + ")");
    if (eff.inheriting != 0 || g.type == HostFileType::kDirectory) {
      out += wrapped(indent, "inheriting: ", rights_text(eff.inheriting));
    }
  }
  return out;
}

}  // namespace cloudabi::run
