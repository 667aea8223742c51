// Errors as values. An Error carries one sentence for the operator that names
// what failed and, where useful, what to do about it; Result<T> holds either a
// value or such an Error.
#pragma once

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <variant>

namespace cloudabi {

struct Error {
  std::string message;
  int sys_errno = 0;  // The Linux errno behind the failure, 0 if none.

  // "what: strerror(errno)"; captures errno at the call site.
  static Error from_errno(std::string what, int err = errno) {
    return Error{std::move(what) + ": " + std::strerror(err), err};
  }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace cloudabi
