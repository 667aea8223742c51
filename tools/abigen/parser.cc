#include "tools/abigen/parser.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>
#include <tuple>

namespace abigen {
namespace {

const std::set<std::string> kBuiltins = {"u8", "u16", "u32", "u64", "i64", "size", "char", "void"};

struct Token {
  std::string text;
  bool quoted = false;
};

class Parser {
 public:
  Parser(const std::string& path, const std::string& text) : path_(path) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines_.push_back(line);
  }

  Spec parse() {
    spec_.path = path_;
    while (next_line()) {
      const std::string& kw = word(0);
      if (kw == "abi") {
        expect_count(3);
        spec_.abi_name = word(1);
        spec_.version = word(2);
      } else if (kw == "type") {
        parse_scalar();
      } else if (kw == "struct") {
        parse_struct();
      } else if (kw == "function") {
        parse_function();
      } else if (kw == "syscall") {
        parse_syscall();
      } else {
        fail("unknown declaration '" + kw + "'");
      }
    }
    std::sort(spec_.syscalls.begin(), spec_.syscalls.end(), [](const Syscall& a, const Syscall& b) {
      // v0.21 calls are numbered alphabetically from 0; extensions follow.
      return std::tie(a.extension, a.name) < std::tie(b.extension, b.name);
    });
    check_references();
    return spec_;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw ParseError(path_ + ":" + std::to_string(lineno_) + ": " + message);
  }

  // Advances to the next line with tokens; false at end of file.
  bool next_line() {
    while (index_ < lines_.size()) {
      lineno_ = index_ + 1;
      tokens_ = tokenize(lines_[index_++]);
      if (!tokens_.empty()) return true;
    }
    return false;
  }

  std::vector<Token> tokenize(const std::string& line) const {
    std::vector<Token> out;
    size_t i = 0;
    while (i < line.size()) {
      char c = line[i];
      if (c == '#') break;
      if (c == ' ' || c == '\t' || c == '\r') {
        ++i;
      } else if (c == '"') {
        size_t end = line.find('"', i + 1);
        if (end == std::string::npos) fail("unterminated string");
        out.push_back({line.substr(i + 1, end - i - 1), true});
        i = end + 1;
      } else if (c == ':' || c == '*') {
        out.push_back({std::string(1, c), false});
        ++i;
      } else {
        size_t end = i;
        while (end < line.size() && std::string(" \t\r\":*#").find(line[end]) == std::string::npos)
          ++end;
        out.push_back({line.substr(i, end - i), false});
        i = end;
      }
    }
    return out;
  }

  const std::string& word(size_t i) const {
    if (i >= tokens_.size()) fail("line ends too early");
    if (tokens_[i].quoted) fail("unexpected string \"" + tokens_[i].text + "\"");
    return tokens_[i].text;
  }

  void expect_count(size_t n) const {
    if (tokens_.size() != n) fail("expected " + std::to_string(n) + " items on this line");
  }

  // The trailing quoted doc string, if any, removed from the tokens.
  std::string take_doc() {
    if (!tokens_.empty() && tokens_.back().quoted) {
      std::string doc = tokens_.back().text;
      tokens_.pop_back();
      return doc;
    }
    return "";
  }

  uint64_t number(const std::string& s) const {
    uint64_t v = 0;
    const char* begin = s.data();
    const char* end = s.data() + s.size();
    int base = 10;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
      begin += 2;
      base = 16;
    }
    auto [p, ec] = std::from_chars(begin, end, v, base);
    if (ec != std::errc() || p != end || begin == end) fail("'" + s + "' is not a number");
    return v;
  }

  static bool is_identifier(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(c) || c == '_'; });
  }

  // TYPE tokens from position i to the end of the tokens.
  TypeRef parse_type(size_t i) const {
    TypeRef t;
    for (; i < tokens_.size(); ++i) {
      const std::string& w = word(i);
      if (w == "const") {
        t.is_const = true;
      } else if (w == "atomic") {
        t.is_atomic = true;
      } else if (w == "*") {
        if (t.name.empty()) fail("'*' before a type name");
        ++t.pointers;
      } else {
        if (!t.name.empty()) fail("unexpected '" + w + "' in type");
        size_t bracket = w.find('[');
        if (bracket != std::string::npos) {
          if (w.back() != ']') fail("malformed array type '" + w + "'");
          t.array = number(w.substr(bracket + 1, w.size() - bracket - 2));
          t.name = w.substr(0, bracket);
        } else {
          t.name = w;
        }
        if (!is_identifier(t.name)) fail("'" + t.name + "' is not a type name");
      }
    }
    if (t.name.empty()) fail("missing type");
    return t;
  }

  // `OFFSET NAME : TYPE ["doc"]`
  Field parse_field() {
    Field f;
    f.line = lineno_;
    f.doc = take_doc();
    if (tokens_.size() < 4 || word(2) != ":") fail("expected 'OFFSET NAME : TYPE'");
    f.offset = number(word(0));
    f.name = word(1);
    if (!is_identifier(f.name)) fail("bad field name '" + f.name + "'");
    f.type = parse_type(3);
    return f;
  }

  // `in|out NAME : TYPE ["doc"]`
  Param parse_param() {
    Param p;
    p.line = lineno_;
    p.doc = take_doc();
    if (tokens_.size() < 4 || word(2) != ":") fail("expected 'in|out NAME : TYPE'");
    if (word(0) == "out") {
      p.out = true;
    } else if (word(0) != "in") {
      fail("parameters start with 'in' or 'out'");
    }
    p.name = word(1);
    if (!is_identifier(p.name)) fail("bad parameter name '" + p.name + "'");
    p.type = parse_type(3);
    return p;
  }

  bool at_end() const {
    return tokens_.size() == 1 && !tokens_[0].quoted && tokens_[0].text == "end";
  }

  void require_next(const char* what) {
    if (!next_line()) fail(std::string("file ends inside ") + what);
  }

  // type NAME BASE KIND [atomic] [prefix P] "doc"
  void parse_scalar() {
    Scalar s;
    s.doc = take_doc();
    if (tokens_.size() < 4) fail("expected 'type NAME BASE KIND'");
    s.name = word(1);
    s.base = word(2);
    if (!is_identifier(s.name)) fail("bad type name '" + s.name + "'");
    if (s.base != "u8" && s.base != "u16" && s.base != "u32" && s.base != "u64" && s.base != "i64")
      fail("type " + s.name + " must have an integer base type, not '" + s.base + "'");
    const std::string& kind = word(3);
    if (kind == "alias") {
      s.kind = ScalarKind::kAlias;
    } else if (kind == "enum") {
      s.kind = ScalarKind::kEnum;
    } else if (kind == "flags") {
      s.kind = ScalarKind::kFlags;
    } else if (kind == "opaque") {
      s.kind = ScalarKind::kOpaque;
    } else {
      fail("unknown type kind '" + kind + "'");
    }
    for (size_t i = 4; i < tokens_.size(); ++i) {
      if (tokens_[i].text == "atomic" && !tokens_[i].quoted) {
        s.atomic = true;
      } else if (tokens_[i].text == "prefix" && !tokens_[i].quoted && i + 1 < tokens_.size()) {
        s.prefix = tokens_[++i].text;
      } else {
        fail("unexpected '" + tokens_[i].text + "' in type declaration");
      }
    }
    declare(s.name);
    if (s.kind != ScalarKind::kAlias) {
      uint64_t max = s.base == "u8"    ? 0xff
                     : s.base == "u16" ? 0xffff
                     : s.base == "u32" ? 0xffffffff
                                       : ~0ull;
      while (true) {
        require_next("a type");
        if (at_end()) break;
        Constant c;
        c.doc = take_doc();
        expect_count(2);
        c.value = number(word(0));
        c.name = word(1);
        if (c.value > max) fail("constant " + c.name + " does not fit in " + s.base);
        for (const Constant& other : s.constants)
          if (other.name == c.name) fail("duplicate constant " + c.name);
        if (s.kind == ScalarKind::kFlags && (c.value == 0 || (c.value & (c.value - 1)) != 0))
          fail("flag " + c.name + " must be a single bit");
        s.constants.push_back(c);
      }
    }
    spec_.scalars.push_back(std::move(s));
  }

  // struct NAME size N align N "doc" ... end
  void parse_struct() {
    Struct s;
    s.line = lineno_;
    s.doc = take_doc();
    expect_count(6);
    s.name = word(1);
    if (word(2) != "size" || word(4) != "align") fail("expected 'struct NAME size N align N'");
    s.size = number(word(3));
    s.align = number(word(5));
    declare(s.name);
    while (true) {
      require_next("a struct");
      if (at_end()) break;
      if (s.tail_union) fail("the union must be the last member of " + s.name);
      if (word(0) == "union") {
        s.tail_union = parse_union();
      } else {
        s.fields.push_back(parse_field());
      }
    }
    spec_.structs.push_back(std::move(s));
  }

  // union OFFSET [on FIELD] ... end
  Union parse_union() {
    Union u;
    if (tokens_.size() != 2 && tokens_.size() != 4) fail("expected 'union OFFSET [on FIELD]'");
    u.offset = number(word(1));
    if (tokens_.size() == 4) {
      if (word(2) != "on") fail("expected 'on FIELD'");
      u.discriminant = word(3);
    }
    while (true) {
      require_next("a union");
      if (at_end()) break;
      if (word(0) == "variant") {
        Variant v;
        v.name = word(1);
        for (size_t i = 2; i < tokens_.size(); ++i) v.tags.push_back(word(i));
        while (true) {
          require_next("a variant");
          if (at_end()) break;
          v.fields.push_back(parse_field());
        }
        u.variants.push_back(std::move(v));
      } else {
        u.members.push_back(parse_field());
      }
    }
    if (!u.members.empty() && !u.variants.empty()) fail("a union has either members or variants");
    return u;
  }

  void parse_function() {
    Function f;
    f.doc = take_doc();
    expect_count(2);
    f.name = word(1);
    declare(f.name);
    while (true) {
      require_next("a function type");
      if (at_end()) break;
      Param p = parse_param();
      if (p.out) fail("function types take only 'in' parameters");
      f.params.push_back(p);
    }
    spec_.functions.push_back(std::move(f));
  }

  // syscall NAME [noreturn] [extension] "doc" ... end
  void parse_syscall() {
    Syscall s;
    s.doc = take_doc();
    if (tokens_.size() < 2) fail("expected 'syscall NAME'");
    s.name = word(1);
    if (!is_identifier(s.name)) fail("bad syscall name '" + s.name + "'");
    for (size_t i = 2; i < tokens_.size(); ++i) {
      if (word(i) == "noreturn") {
        s.noreturn = true;
      } else if (word(i) == "extension") {
        s.extension = true;
      } else {
        fail("unexpected '" + word(i) + "' after the syscall name");
      }
    }
    if (s.doc.empty()) fail("syscall " + s.name + " needs a one-line description");
    for (const Syscall& other : spec_.syscalls)
      if (other.name == s.name) fail("duplicate syscall " + s.name);
    while (true) {
      require_next("a syscall");
      if (at_end()) break;
      s.params.push_back(parse_param());
    }
    if (s.noreturn && std::any_of(s.params.begin(), s.params.end(), [](auto& p) { return p.out; }))
      fail("noreturn syscall " + s.name + " cannot have out parameters");
    spec_.syscalls.push_back(std::move(s));
  }

  void declare(const std::string& name) {
    if (kBuiltins.count(name) || !declared_.insert(name).second)
      fail("'" + name + "' is declared twice");
  }

  void check_type(const TypeRef& t, size_t line, const std::string& where) const {
    if (kBuiltins.count(t.name) == 0 && declared_.count(t.name) == 0)
      throw ParseError(path_ + ":" + std::to_string(line) + ": " + where + " uses unknown type '" +
                       t.name + "'");
  }

  void check_references() const {
    for (const Struct& s : spec_.structs) {
      for (const Field& f : s.fields) check_type(f.type, f.line, "struct " + s.name);
      if (s.tail_union) {
        for (const Field& f : s.tail_union->members) check_type(f.type, f.line, "struct " + s.name);
        for (const Variant& v : s.tail_union->variants)
          for (const Field& f : v.fields) check_type(f.type, f.line, "struct " + s.name);
      }
    }
    for (const Function& f : spec_.functions)
      for (const Param& p : f.params) check_type(p.type, p.line, "function " + f.name);
    for (const Syscall& s : spec_.syscalls)
      for (const Param& p : s.params) check_type(p.type, p.line, "syscall " + s.name);
  }

  std::string path_;
  std::vector<std::string> lines_;
  size_t index_ = 0;
  size_t lineno_ = 0;
  std::vector<Token> tokens_;
  std::set<std::string> declared_;
  Spec spec_;
};

}  // namespace

const Scalar* Spec::find_scalar(const std::string& name) const {
  for (const Scalar& s : scalars)
    if (s.name == name) return &s;
  return nullptr;
}

const Struct* Spec::find_struct(const std::string& name) const {
  for (const Struct& s : structs)
    if (s.name == name) return &s;
  return nullptr;
}

const Function* Spec::find_function(const std::string& name) const {
  for (const Function& f : functions)
    if (f.name == name) return &f;
  return nullptr;
}

Spec parse_spec(const std::string& path, const std::string& text) {
  return Parser(path, text).parse();
}

}  // namespace abigen
