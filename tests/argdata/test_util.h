// Helpers shared by the libargdata tests.

#ifndef TESTS_ARGDATA_TEST_UTIL_H
#define TESTS_ARGDATA_TEST_UTIL_H

#include <argdata.h>

#include <cerrno>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace argdata_test {

struct AdFree {
  void operator()(argdata_t *ad) const { argdata_free(ad); }
};
using Ad = std::unique_ptr<argdata_t, AdFree>;

using Bytes = std::vector<unsigned char>;

// "05 00 80" -> {0x05, 0x00, 0x80}. Whitespace is ignored.
inline Bytes Hex(const std::string &text) {
  Bytes out;
  int nibble = -1;
  for (char c : text) {
    int v;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      v = c - 'A' + 10;
    } else {
      continue;
    }
    if (nibble < 0) {
      nibble = v;
    } else {
      out.push_back(static_cast<unsigned char>(nibble << 4 | v));
      nibble = -1;
    }
  }
  if (nibble >= 0) std::abort();
  return out;
}

// {0x05, 0x00, 0x80} -> "05 00 80".
inline std::string ToHex(const Bytes &bytes) {
  std::string out;
  char buf[4];
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::snprintf(buf, sizeof(buf), i == 0 ? "%02x" : " %02x", bytes[i]);
    out += buf;
  }
  return out;
}

// Serializes with descriptor remapping (fds != nullptr) or literally.
inline Bytes Serialize(const argdata_t *ad, std::vector<int> *fds = nullptr) {
  size_t len = 0, n_fds = 0;
  argdata_serialized_length(ad, &len, &n_fds);
  Bytes buf(len + 1, 0xee);  // one guard byte
  if (fds != nullptr) {
    fds->assign(n_fds + 1, -2);
    size_t used = argdata_serialize(ad, buf.data(), fds->data());
    if (used > n_fds) std::abort();
    fds->resize(used);
  } else {
    if (argdata_serialize(ad, buf.data(), nullptr) != 0) std::abort();
  }
  if (buf[len] != 0xee) std::abort();  // wrote past the computed length
  buf.resize(len);
  return buf;
}

inline std::string SerializeHex(const argdata_t *ad) { return ToHex(Serialize(ad)); }

// Decoding from a byte vector that must outlive the result. The bytes are
// copied into an exactly sized heap block so that AddressSanitizer catches
// any read past the end.
struct Decoded {
  std::unique_ptr<unsigned char[]> storage;
  Ad ad;
  const argdata_t *get() const { return ad.get(); }
};

inline Decoded Decode(const Bytes &bytes, int (*convert_fd)(void *, size_t) = nullptr,
                      void *arg = nullptr) {
  Decoded d;
  d.storage.reset(new unsigned char[bytes.size() == 0 ? 1 : bytes.size()]);
  for (size_t i = 0; i < bytes.size(); ++i) d.storage[i] = bytes[i];
  d.ad.reset(argdata_from_buffer(bytes.empty() ? nullptr : d.storage.get(), bytes.size(),
                                 convert_fd, arg));
  if (!d.ad) std::abort();
  return d;
}

inline Decoded DecodeHex(const std::string &hex) { return Decode(Hex(hex)); }

// Identity conversion of descriptor indices.
inline int IdentityFd(void *, size_t index) { return static_cast<int>(index); }

// Runs argdata_print_yaml into a string.
inline std::string Yaml(const argdata_t *ad) {
  char *text = nullptr;
  size_t len = 0;
  FILE *fp = open_memstream(&text, &len);
  if (fp == nullptr) std::abort();
  argdata_print_yaml(ad, fp);
  std::fclose(fp);
  std::string out(text, len);
  std::free(text);
  return out;
}

// A compact, complete description of a value, for assertions:
//   null true false int:-5 float:1.5 str:abc bin:0102 fd:3 fd:EBADF
//   ts:1.000000500 [a,b] {k:v} and "!corrupt" for a corrupt container tail,
//   "!bad" for a malformed value. Recursion stops at max_depth ("...").
inline std::string Dump(const argdata_t *ad, int max_depth = 64) {
  size_t len = 0;
  argdata_serialized_length(ad, &len, nullptr);
  if (len == 0) return "null";
  Bytes bytes = Serialize(ad);
  char buf[64];
  switch (bytes[0]) {
    case 0x01: {
      const void *p;
      size_t n;
      if (argdata_get_binary(ad, &p, &n) != 0) return "!bad";
      std::string out = "bin:";
      for (size_t i = 0; i < n; ++i) {
        std::snprintf(buf, sizeof(buf), "%02x", static_cast<const unsigned char *>(p)[i]);
        out += buf;
      }
      return out;
    }
    case 0x02: {
      bool b;
      if (argdata_get_bool(ad, &b) != 0) return "!bad";
      return b ? "true" : "false";
    }
    case 0x03: {
      int fd;
      int error = argdata_get_fd(ad, &fd);
      if (error == EBADF) return "fd:EBADF";
      if (error != 0) return "!bad";
      return "fd:" + std::to_string(fd);
    }
    case 0x04: {
      double f;
      if (argdata_get_float(ad, &f) != 0) return "!bad";
      std::snprintf(buf, sizeof(buf), "float:%.17g", f);
      return buf;
    }
    case 0x05: {
      intmax_t s;
      uintmax_t u;
      if (argdata_get_int_s(ad, &s, INTMAX_MIN, INTMAX_MAX) == 0) {
        std::snprintf(buf, sizeof(buf), "int:%" PRIdMAX, s);
        return buf;
      }
      if (argdata_get_int_u(ad, &u, UINTMAX_MAX) == 0) {
        std::snprintf(buf, sizeof(buf), "int:%" PRIuMAX, u);
        return buf;
      }
      return "int:ERANGE";
    }
    case 0x06:
    case 0x07: {
      if (max_depth == 0) return "...";
      std::string out;
      size_t index;
      if (bytes[0] == 0x06) {
        argdata_map_iterator_t it;
        const argdata_t *k, *v;
        out = "{";
        for (argdata_map_iterate(ad, &it); argdata_map_get(&it, &k, &v); argdata_map_next(&it)) {
          if (out.size() > 1) out += ",";
          out += Dump(k, max_depth - 1) + ":" + Dump(v, max_depth - 1);
        }
        index = it.index;
      } else {
        argdata_seq_iterator_t it;
        const argdata_t *e;
        out = "[";
        for (argdata_seq_iterate(ad, &it); argdata_seq_get(&it, &e); argdata_seq_next(&it)) {
          if (out.size() > 1) out += ",";
          out += Dump(e, max_depth - 1);
        }
        index = it.index;
      }
      if (index == ARGDATA_ITERATOR_INVALID) out += out.size() > 1 ? ",!corrupt" : "!corrupt";
      out += bytes[0] == 0x06 ? "}" : "]";
      return out;
    }
    case 0x08: {
      const char *s;
      size_t n;
      int error = argdata_get_str(ad, &s, &n);
      if (error == EILSEQ) return "str:EILSEQ";
      if (error != 0) return "!bad";
      return "str:" + std::string(s, n);
    }
    case 0x09: {
      struct timespec ts;
      int error = argdata_get_timestamp(ad, &ts);
      if (error == ERANGE) return "ts:ERANGE";
      if (error != 0) return "!bad";
      std::snprintf(buf, sizeof(buf), "ts:%lld.%09ld", static_cast<long long>(ts.tv_sec),
                    ts.tv_nsec);
      return buf;
    }
    default:
      return "!bad";
  }
}

// The YAML document header argdata_print_yaml writes.
inline const char kYamlHeader[] = "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n";

}  // namespace argdata_test

#endif
