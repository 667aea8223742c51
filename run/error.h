// Errors of cloudabi-run as values. A ConfigError names where in the YAML
// configuration the problem is (line and column, 1-based; 0 when no
// location applies) and says what is wrong in one sentence.
#pragma once

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <variant>

namespace cloudabi::run {

// A position in the configuration, 1-based. line == 0: no position.
struct Mark {
  int line = 0;
  int column = 0;

  bool valid() const { return line > 0; }
  // "4:9", or "" for an invalid mark.
  std::string str() const {
    return valid() ? std::to_string(line) + ":" + std::to_string(column) : std::string();
  }
  friend bool operator==(const Mark&, const Mark&) = default;
};

struct ConfigError {
  Mark mark;
  std::string message;  // One sentence, no trailing period, no location.
  int sys_errno = 0;    // The Linux errno behind the failure, 0 if none.

  static ConfigError at(Mark mark, std::string message, int sys_errno = 0) {
    return ConfigError{mark, std::move(message), sys_errno};
  }
  // "what: strerror(err)".
  static ConfigError from_errno(Mark mark, std::string what, int err = errno) {
    return ConfigError{mark, std::move(what) + ": " + std::strerror(err), err};
  }

  // "file:line:column: message", or "message" when there is no mark.
  std::string format(const std::string& file) const {
    if (!mark.valid()) return message;
    return file + ":" + mark.str() + ": " + message;
  }
};

// Either a value or a ConfigError.
template <typename T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Expected(ConfigError error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const ConfigError& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, ConfigError> v_;
};

template <>
class [[nodiscard]] Expected<void> {
 public:
  Expected() = default;
  Expected(ConfigError error) : error_(std::move(error)), failed_(true) {}

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const ConfigError& error() const { return error_; }

 private:
  ConfigError error_;
  bool failed_ = false;
};

}  // namespace cloudabi::run
