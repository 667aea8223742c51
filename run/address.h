// Socket addresses as written in !socket {bind: ...} and {connect: ...}:
//   host:port        127.0.0.1:8080, localhost:http, *:8080 or :8080 (bind
//                    to every address)
//   [v6addr]:port    [::1]:8080, [::]:8080
//   /path, ./path    a unix domain socket (also ../path)
// Parsing is pure; name resolution happens when the socket is created.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cloudabi::run {

struct Address {
  enum class Kind { kUnix, kInet };
  Kind kind = Kind::kInet;
  std::string path;  // kUnix.
  std::string host;  // kInet; empty for "any address" (bind only).
  std::string port;  // kInet; a number or a service name.
  friend bool operator==(const Address&, const Address&) = default;
};

// nullopt with *error set (one sentence) if the text is not an address.
std::optional<Address> parse_address(std::string_view text, bool for_bind, std::string* error);

}  // namespace cloudabi::run
