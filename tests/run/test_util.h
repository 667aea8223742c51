// Helpers shared by the cloudabi-run tests.
#pragma once

#include <dirent.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "run/convert.h"
#include "run/yaml_reader.h"

namespace cloudabi::run::test {

// "05 00 80" for {0x05, 0x00, 0x80}.
inline std::string hex(const std::vector<uint8_t>& bytes) {
  std::string out;
  char buf[4];
  for (uint8_t b : bytes) {
    std::snprintf(buf, sizeof(buf), "%02x", b);
    if (!out.empty()) out += ' ';
    out += buf;
  }
  return out;
}

// Converts YAML with placeholder resources (nothing is opened).
inline Expected<Converted> convert_text(std::string_view yaml) {
  auto doc = read_yaml(yaml);
  if (!doc) return doc.error();
  PlaceholderResources resources;
  return convert(*doc, resources);
}

// The serialized argdata of a YAML document as hex, or "error: L:C: msg".
inline std::string converted_hex(std::string_view yaml) {
  auto c = convert_text(yaml);
  if (!c) return "error: " + c.error().format("");
  return hex(c->argdata);
}

// "L:C: message" of a conversion that must fail; "" if it succeeded.
inline std::string conversion_error(std::string_view yaml) {
  auto c = convert_text(yaml);
  if (c) return "";
  return c.error().mark.str() + ": " + c.error().message;
}

// Number of open descriptors of this process.
inline int count_open_fds() {
  int n = 0;
  DIR* d = opendir("/proc/self/fd");
  if (d == nullptr) return -1;
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] != '.') ++n;
  }
  closedir(d);
  return n - 1;  // The directory stream's own descriptor.
}

// A temporary directory, removed with its contents at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "cloudabi-run-test.XXXXXX");
    char* p = mkdtemp(tmpl.data());
    if (p != nullptr) path_ = p;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace cloudabi::run::test
